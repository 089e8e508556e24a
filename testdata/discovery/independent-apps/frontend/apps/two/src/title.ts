export const title = 'two';
