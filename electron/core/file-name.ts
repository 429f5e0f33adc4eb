/** A title as a file name every file system accepts: reserved characters and control codes become spaces. */
export function safeFileName(title: string, fallback = 'incident'): string {
  return title.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || fallback;
}
