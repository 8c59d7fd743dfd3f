#include "mirador/geo/CsvReader.hpp"

#include "mirador/geo/InputPath.hpp"
#include "mirador/geo/Text.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <cpl_vsi.h>

#include "GdalSupport.hpp"

namespace mirador::geo {

namespace {

constexpr char kQuote = '"';

const char* find_byte(const char* from, const char* end, char c) {
    return static_cast<const char*>(std::memchr(from, c, static_cast<std::size_t>(end - from)));
}

// The first byte at or after `from` that is `delim` or a newline, or `end`. Eight bytes at a
// time (a word's bytes compared all at once, the "has a zero byte" test of Hacker's Delight,
// 6-1): unquoted fields are scanned byte by byte otherwise, a third of this reader's time on a
// million short rows.
const char* find_delimiter_or_newline(const char* from, const char* end, char delim) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    const std::uint64_t d = kOnes * static_cast<unsigned char>(delim), n = kOnes * static_cast<unsigned char>('\n');
    while (end - from >= 8) {
        std::uint64_t word;
        std::memcpy(&word, from, 8);
        const std::uint64_t a = word ^ d, b = word ^ n;
        // Exact for the lowest matching byte (borrows only run upwards from a zero byte).
        const std::uint64_t hit = ((a - kOnes) & ~a & kHighs) | ((b - kOnes) & ~b & kHighs);
        if (hit) {
            if constexpr (std::endian::native == std::endian::little) return from + (std::countr_zero(hit) >> 3);
            break;  // big-endian: the bytes one at a time from here
        }
        from += 8;
    }
    while (from < end && *from != delim && *from != '\n') ++from;
    return from;
}

std::size_t count_newlines(const char* from, const char* to) {
    return static_cast<std::size_t>(std::count(from, to, '\n'));
}

}  // namespace

namespace {

// Through GDAL's virtual file systems: a compressed file is read as its contents, as the
// bundled localities table (assets/localities_2020.csv.gz) is.
Result<std::string> read_through_gdal(const std::string& path, const std::string& shown) {
    detail::GdalMessageCollector messages;
    CPLErrorReset();
    VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
    if (!f) return make_error(shown + ": cannot open" + (messages.last().empty() ? "" : ": " + messages.last()));
    std::string data;
    char block[1 << 16];
    std::size_t n = 0;
    while ((n = VSIFReadL(block, 1, sizeof block, f)) > 0) data.append(block, n);
    // A damaged or truncated stream stops short of the end, with an error from GDAL.
    const bool failed = !VSIFEofL(f) || CPLGetLastErrorType() >= CE_Failure;
    VSIFCloseL(f);
    if (failed) return make_error(shown + ": read error" + (messages.last().empty() ? "" : ": " + messages.last()));
    return data;
}

}  // namespace

Result<std::string> read_whole_file(const std::string& path) {
    if (path.starts_with("/vsi")) return read_through_gdal(path, path);
    if (auto ok = check_input_path(path); !ok) return make_error(ok.error());
    std::error_code ec;
    if (path.ends_with(".gz")) return read_through_gdal("/vsigzip/" + path, path);
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return make_error(path + ": cannot open (" + std::strerror(errno) + ")");
    std::string data;
    const auto size = std::filesystem::file_size(path, ec);
    // Straight into the string when the size is known (no second copy through a block: that
    // was a tenth of loading a large incident CSV); then on in blocks rather than trusting the
    // size, as the file may be growing or a pipe-like file.
    std::size_t n = 0;
    if (!ec && size > 0) {
        data.resize(static_cast<std::size_t>(size));
        n = std::fread(data.data(), 1, data.size(), f);
        data.resize(n);
    }
    char block[1 << 16];
    while ((n = std::fread(block, 1, sizeof block, f)) > 0) data.append(block, n);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return make_error(path + ": read error");
    return data;
}

CsvReader::CsvReader(std::string_view text, CsvOptions options) : text_(text), options_(options), line_(options.first_line) {
    if (options_.file_start && text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text_.remove_prefix(3);
        had_bom_ = true;
    }
}

Result<CsvReader> CsvReader::open(const std::string& path, CsvOptions options) {
    auto data = read_whole_file(path);
    if (!data) return make_error(data.error());
    if (auto ok = check_text_encoding(std::string_view(*data).substr(0, 512), path); !ok) return make_error(ok.error());
    auto owned = std::make_shared<const std::string>(std::move(data).value());
    CsvReader reader(*owned, options);
    reader.owned_ = std::move(owned);
    return reader;
}

void CsvReader::finish_record(CsvRecord& record) {
    for (const Fixup& f : fixups_) record.fields[f.field] = std::string_view(scratch_.data() + f.offset, f.length);
}

bool CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    record.error.clear();
    scratch_.clear();
    fixups_.clear();

    const char* const begin = text_.data();
    const char* const end = begin + text_.size();
    const char* p = begin + pos_;
    if (p >= end) return false;

    const char delim = options_.delimiter;
    const char* const record_start = p;
    record.line = line_;
    bool too_many = false;
    auto push = [&](std::string_view field) {
        if (record.fields.size() < options_.max_fields)
            record.fields.push_back(field);
        else
            too_many = true;
    };
    // Ends the record with `content_end` as the end of its bytes and `resume` where the next
    // record starts.
    auto end_record = [&](const char* content_end, const char* resume) {
        record.raw = std::string_view(record_start, static_cast<std::size_t>(content_end - record_start));
        pos_ = static_cast<std::size_t>(resume - begin);
        if (too_many && record.error.empty())
            record.error = "more than " + std::to_string(options_.max_fields) + " fields";
        finish_record(record);
        return true;
    };
    // Gives up on a malformed record: reading resumes after the line that `from` is on.
    auto skip_line = [&](const char* from, std::size_t line_of_from) {
        const char* nl = find_byte(from, end, '\n');
        line_ = line_of_from + (nl ? 1 : 0);
        const char* content_end = nl ? nl : end;
        if (content_end > record_start && content_end[-1] == '\r') --content_end;
        return end_record(std::max(content_end, record_start), nl ? nl + 1 : end);
    };

    for (;;) {
        if (p < end && *p == kQuote) {
            const std::size_t open_line = line_;
            const char* const open = p;
            const char* const content = ++p;
            const char* close = nullptr;
            bool escaped = false;
            // memchr to the next quote: fast on long quoted text (notes, embedded newlines).
            while (const char* q = find_byte(p, end, kQuote)) {
                line_ += count_newlines(p, q);
                if (q + 1 < end && q[1] == kQuote) {
                    escaped = true;
                    p = q + 2;
                    continue;
                }
                close = q;
                p = q + 1;
                break;
            }
            if (!close) {
                record.error = "unterminated quoted field (the quote opens on line " + std::to_string(open_line) + ")";
                return skip_line(open, open_line);
            }
            if (escaped) {
                const std::size_t offset = scratch_.size();
                for (const char* s = content; s < close;) {
                    const char* q = find_byte(s, close, kQuote);
                    if (!q) q = close;
                    scratch_.append(s, static_cast<std::size_t>(q - s));
                    if (q < close) scratch_.push_back(kQuote);  // "" -> "
                    s = q + 2;
                }
                if (record.fields.size() < options_.max_fields)
                    fixups_.push_back({record.fields.size(), offset, scratch_.size() - offset});
                push({});
            } else {
                push(std::string_view(content, static_cast<std::size_t>(close - content)));
            }
            if (p == end) return end_record(end, end);
            if (*p == delim) {
                ++p;
                continue;
            }
            if (*p == '\r' && p + 1 == end) return end_record(p, end);
            const std::size_t eol = *p == '\n' ? 1 : (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 0;
            if (eol > 0) {
                ++line_;
                return end_record(p, p + eol);
            }
            // Most likely a stray quote: like an unclosed one, reading resumes on the line after the
            // one it opened on, so the lines it swallowed are read again as records.
            if (open_line == line_)
                record.error = std::string("unexpected '") + *p + "' after the closing quote on line " +
                               std::to_string(line_) + " (a quote inside a quoted field is written \"\")";
            else
                record.error = "the quote opened on line " + std::to_string(open_line) + " closes on line " +
                               std::to_string(line_) + " before '" + *p + "', not before a delimiter (a stray quote?)";
            return skip_line(open, open_line);
        }

        const char* const start = p;
        p = find_delimiter_or_newline(p, end, delim);
        const char* field_end = p;
        // The CR of a CRLF (or a last line that ends in CR) is not part of the field.
        if ((p == end || *p == '\n') && field_end > start && field_end[-1] == '\r') --field_end;
        push(std::string_view(start, static_cast<std::size_t>(field_end - start)));
        if (p == end) return end_record(field_end, end);
        if (*p == delim) {
            ++p;
            continue;
        }
        ++line_;
        return end_record(field_end, p + 1);
    }
}

std::string csv_field(std::string_view text, char delimiter) {
    const bool quote = text.find_first_of(std::string{delimiter, '"', '\n', '\r'}) != std::string_view::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace mirador::geo
