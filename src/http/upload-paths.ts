// Paths whose request bodies may exceed the global 1 MiB limit because they stream an upload to disk under
// their own, smaller-or-larger limit (src/lib/multipart.ts). Add a module's upload page/API path here.
export const LARGE_UPLOAD_PATHS: RegExp[] = [
  // MARC files (200 MiB).
  /^(\/en)?\/admin\/catalogue\/import(\/|\.data)?$/,
  // Plan evidence files (20 MiB).
  /^(\/en)?\/admin\/plan\/instances\/[a-z0-9_]+\/evidence(\.data)?$/,
  // Images on catalogue records and in exhibition sections (15 MiB, files module).
  /^(\/en)?\/admin\/catalogue\/records\/[\w-]+\/images\/new(\.data)?$/,
  /^(\/en)?\/admin\/exhibitions\/[\w-]+\/sections\/[\w-]+\/image(\.data)?$/,
  // Spreadsheets for the catalogue (CSV/XLSX, 20 MiB).
  /^(\/en)?\/admin\/catalogue\/import\/tabular(\/|\.data)?$/,
  // Photos of service points (15 MiB, files module).
  /^(\/en)?\/admin\/places\/place_[a-z2-9]{16}\/photos(\.data)?$/,
  // The picture of an event (15 MiB, files module).
  /^(\/en)?\/admin\/events\/evt_[a-z2-9]{16}\/image(\.data)?$/,
  // An image step of a learning path (15 MiB, files module).
  /^(\/en)?\/admin\/learning\/paths\/lpath_[a-z2-9]{16}\/image(\.data)?$/,
];

export function isLargeUploadPath(path: string): boolean {
  return LARGE_UPLOAD_PATHS.some((re) => re.test(path));
}
