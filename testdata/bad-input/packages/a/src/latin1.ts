// Legacy file saved as ISO-8859-1 by an old editor.
export const greeting = "Grüße aus Köln";
export const farewell = "Tschüß";
