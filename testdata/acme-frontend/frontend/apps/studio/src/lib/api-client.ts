import axios, { type AxiosError, type AxiosInstance } from "axios";

const baseURL = process.env.NEXT_PUBLIC_API_URL ?? "http://localhost:4000/studio-api";

function createTransport(): AxiosInstance {
  const client = axios.create({
    baseURL,
    timeout: 10_000,
    withCredentials: true,
    headers: { "Content-Type": "application/json" },
  });

  client.interceptors.response.use(
    (response) => response,
    (failure: AxiosError) => {
      if (failure.response?.status === 401 && typeof window !== "undefined") {
        window.location.assign("/sign-in");
      }
      return Promise.reject(failure);
    },
  );

  return client;
}

const transport = createTransport();

export const apiClient = {
  async get<T>(endpoint: string, params?: Record<string, unknown>): Promise<T> {
    const response = await transport.get<T>(endpoint, { params });
    return response.data;
  },
  async post<T = void>(endpoint: string, payload?: unknown): Promise<T> {
    const response = await transport.post<T>(endpoint, payload);
    return response.data;
  },
  async put<T>(endpoint: string, payload?: unknown): Promise<T> {
    const response = await transport.put<T>(endpoint, payload);
    return response.data;
  },
  async delete(endpoint: string): Promise<void> {
    await transport.delete(endpoint);
  },
};
