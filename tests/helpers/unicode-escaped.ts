/** `text` with every character a JSON `\uXXXX` escape, as a server that escapes everything writes it. */
export function unicodeEscaped(text: string): string {
  return [...text].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
}
