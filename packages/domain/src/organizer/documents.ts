/**
 * The two documents of an application (R-ORG-3: organisation chart / officer list, bylaws).
 * Groups without a PC photograph paper documents, so images count as well as PDF. The server
 * sniffs the bytes for the real type; these rules say what it may accept.
 */
export const documentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type DocumentMediaType = (typeof documentMediaTypes)[number];

/** 10 MB: a multi-page scan or a few phone photos. */
export const maxDocumentBytes = 10 * 1024 * 1024;

/** An uploaded file as an application refers to it. */
export interface DocumentRef {
  id: string;
  fileName: string;
  /** The sniffed type, not the one the browser claimed. */
  mediaType: string;
  size: number;
}

export type DocumentProblem = 'document_type' | 'document_empty' | 'document_too_large';

export function isDocumentMediaType(value: string): value is DocumentMediaType {
  return (documentMediaTypes as readonly string[]).includes(value);
}

export function documentProblem(file: Pick<DocumentRef, 'mediaType' | 'size'>): DocumentProblem | null {
  if (!isDocumentMediaType(file.mediaType)) return 'document_type';
  if (file.size <= 0) return 'document_empty';
  return file.size > maxDocumentBytes ? 'document_too_large' : null;
}
