import type { Document } from './generated/google/firestore/v1/Document';
import type { DocumentMask__Output } from './generated/google/firestore/v1/DocumentMask';
import { parseFieldPath, projectFields } from './paths';
import type { StoredDocument } from './store';
import { toTimestamp } from './time';

/** The wire form of a stored document, limited to `mask` when one is given. */
export function toDocumentProto(doc: StoredDocument, mask?: DocumentMask__Output | null): Document {
  const fields = mask
    ? projectFields(
        doc.fields,
        (mask.fieldPaths ?? []).map((p) => parseFieldPath(p)),
      )
    : doc.fields;
  return {
    name: doc.name,
    fields,
    createTime: toTimestamp(doc.createTime),
    updateTime: toTimestamp(doc.updateTime),
  };
}
