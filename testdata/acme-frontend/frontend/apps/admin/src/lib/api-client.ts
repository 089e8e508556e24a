import axios, { type AxiosError, type AxiosInstance } from "axios";

const baseURL = process.env.NEXT_PUBLIC_API_URL ?? "http://localhost:4000/api";

function createHttpClient(): AxiosInstance {
  const instance = axios.create({
    baseURL,
    timeout: 10_000,
    withCredentials: true,
    headers: { "Content-Type": "application/json" },
  });

  instance.interceptors.response.use(
    (response) => response,
    (error: AxiosError) => {
      if (error.response?.status === 401 && typeof window !== "undefined") {
        window.location.assign("/login");
      }
      return Promise.reject(error);
    },
  );

  return instance;
}

const http = createHttpClient();

export const apiClient = {
  async get<T>(url: string, params?: Record<string, unknown>): Promise<T> {
    const response = await http.get<T>(url, { params });
    return response.data;
  },
  async post<T = void>(url: string, body?: unknown): Promise<T> {
    const response = await http.post<T>(url, body);
    return response.data;
  },
  async put<T>(url: string, body?: unknown): Promise<T> {
    const response = await http.put<T>(url, body);
    return response.data;
  },
  async delete(url: string): Promise<void> {
    await http.delete(url);
  },
};
