#pragma once
// An RFC 4180 CSV reader over a buffer held in memory. Fields are string_views into the
// buffer; only a field with "" escapes is copied (unescaped into a scratch buffer the reader
// reuses), so reading allocates nothing per field once the first records have been seen.
//
//   quoted fields      "a, b"          embedded delimiters, newlines and "" escapes
//   line endings       LF or CRLF      a lone CR is ordinary data
//   byte order mark    EF BB BF        skipped at the start (of a file, not of a chunk)
//   a quote inside an unquoted field   kept as it is (a"b stays a"b), as spreadsheets do
//
// A malformed record (a quote that never closes, text after a closing quote, more fields
// than `max_fields`) comes back with `error` set, and reading goes on after it: after an
// unclosed quote, on the line after the one the quote opened on, so one stray quote does
// not swallow the rest of the file.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mirador/geo/Result.hpp"

namespace mirador::geo {

struct CsvOptions {
    char delimiter = ',';
    // Beyond this many fields a record is reported as malformed (its fields are not stored), so a
    // 10 MB line of commas cannot turn into millions of views.
    std::size_t max_fields = 4096;
    // Line number of the text's first line: a chunk of a larger file reports the file's lines.
    std::size_t first_line = 1;
    // The text starts a file, so a byte order mark there is skipped. A chunk from inside a file
    // sets false: EF BB BF there is data, as it is to a reader of the whole file.
    bool file_start = true;
};

struct CsvRecord {
    std::size_t line = 0;                 // 1-based line the record starts on
    std::vector<std::string_view> fields;  // valid until the reader's next call to next()
    std::string_view raw;                  // the record's bytes, without its line ending
    std::string error;                     // non-empty: the record is malformed (fields may be partial)

    std::size_t size() const { return fields.size(); }
    std::string_view operator[](std::size_t i) const { return fields[i]; }
    bool ok() const { return error.empty(); }
};

class CsvReader {
public:
    // Reads `text`, which must outlive the reader.
    explicit CsvReader(std::string_view text, CsvOptions options = {});
    // Reads the whole file into memory, which the reader then owns.
    [[nodiscard]] static Result<CsvReader> open(const std::string& path, CsvOptions options = {});

    // The next record, or false at the end of the input. A blank line is a record with one
    // empty field.
    bool next(CsvRecord& record);

    std::string_view text() const { return text_; }  // without the byte order mark
    bool had_bom() const { return had_bom_; }
    // Where the next record starts: byte offset into text(), and its line.
    std::size_t offset() const { return pos_; }
    std::size_t line() const { return line_; }

private:
    void finish_record(CsvRecord& record);

    std::shared_ptr<const std::string> owned_;  // the file, when open() read it
    std::string_view text_;
    CsvOptions options_;
    bool had_bom_ = false;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;

    // Unescaped copies of the fields that had "" in them; `fixups_` says which field each is,
    // resolved to views once the record is complete (the scratch buffer may grow meanwhile).
    struct Fixup {
        std::size_t field, offset, length;
    };
    std::string scratch_;
    std::vector<Fixup> fixups_;
};

// One field for writing: quoted (with "" escapes) when it holds the delimiter, a quote or a
// line break, or starts or ends with a space; otherwise as it is.
std::string csv_field(std::string_view text, char delimiter = ',');

// The whole file as bytes; a name ending in .gz is decompressed, and GDAL's virtual paths
// (/vsigzip/..., /vsizip/...) are read through GDAL. Errors name the file.
[[nodiscard]] Result<std::string> read_whole_file(const std::string& path);

}  // namespace mirador::geo
