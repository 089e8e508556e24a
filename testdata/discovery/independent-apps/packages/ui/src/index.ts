export const Button = (label: string) => `<button>${label}</button>`;
