export const Button = 'local copy';
