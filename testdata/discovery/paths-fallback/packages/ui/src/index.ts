export const Button = 'shared';
