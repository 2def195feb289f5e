// File system errors in words, for every message that names a file the batch could not read or write.

/** What each file system error code means, in words. */
export const ERRNO_WORDS: Readonly<Record<string, string>> = {
  ENOENT: "there is no such file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a directory, not a file",
  ENOTDIR: "a part of the path is not a directory",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EMFILE: "too many files are open",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
};

/** A file system error in words ("there is no such file"), never only an errno code. */
export function fileErrorInWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && ERRNO_WORDS[code]) ?? "it could not be opened";
}
