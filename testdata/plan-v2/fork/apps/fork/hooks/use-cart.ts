import { create } from "zustand";

export interface CartLine {
  productId: string;
  quantity: number;
}

interface CartState {
  lines: CartLine[];
  isOpen: boolean;
  count: number;
  open: () => void;
  close: () => void;
  add: (productId: string) => void;
  remove: (productId: string) => void;
}

export const useCart = create<CartState>((set) => ({
  lines: [],
  isOpen: false,
  count: 0,
  open: () => set({ isOpen: true }),
  close: () => set({ isOpen: false }),
  add: (productId) =>
    set((state) => {
      const existing = state.lines.find((l) => l.productId === productId);
      const lines = existing
        ? state.lines.map((l) => (l.productId === productId ? { ...l, quantity: l.quantity + 1 } : l))
        : [...state.lines, { productId, quantity: 1 }];
      return { lines, count: state.count + 1 };
    }),
  remove: (productId) =>
    set((state) => {
      const lines = state.lines.filter((l) => l.productId !== productId);
      return { lines, count: lines.reduce((n, l) => n + l.quantity, 0) };
    }),
}));
