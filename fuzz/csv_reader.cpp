// libFuzzer target: geo::CsvReader over any bytes, with ',', ';' (and a low field limit) and tab.
// Beyond the sanitizers it checks that reading always ends (each record moves the reader on), that
// every record lies inside the text and line numbers never go back, that a good record written
// back with csv_field() reads as the same fields, and that a reader started at a record in the
// middle of the text (file_start off, first_line set: what the incident loader's second thread
// does) reads exactly what the reader of the whole text read from there.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "FuzzCheck.hpp"
#include "mirador/geo/CsvReader.hpp"

using namespace mirador;

namespace {

struct Seen {
    std::size_t line;
    std::vector<std::string> fields;
    std::string raw, error;
    bool operator==(const Seen&) const = default;
};

Seen seen(const geo::CsvRecord& r) {
    return {r.line, std::vector<std::string>(r.fields.begin(), r.fields.end()), std::string(r.raw), r.error};
}

void read_all(std::string_view text, geo::CsvOptions options) {
    geo::CsvReader reader(text, options);
    const std::string_view body = reader.text();
    geo::CsvRecord rec, again;
    std::size_t last_offset = 0, last_line = options.first_line, records = 0;
    // The records from the first one that starts in the second half of the text.
    std::size_t middle_offset = std::string_view::npos, middle_line = 0;
    std::vector<Seen> from_middle;
    while (true) {
        const std::size_t at = reader.offset(), at_line = reader.line();
        if (!reader.next(rec)) break;
        if (middle_offset == std::string_view::npos && at >= body.size() / 2) {
            middle_offset = at;
            middle_line = at_line;
        }
        if (middle_offset != std::string_view::npos) from_middle.push_back(seen(rec));
        ++records;
        FUZZ_CHECK(records == 1 ? reader.offset() > 0 : reader.offset() > last_offset, "the reader did not move on");
        FUZZ_CHECK(reader.offset() <= body.size(), "the reader went past the end");
        FUZZ_CHECK(rec.line >= last_line && reader.line() >= rec.line, "line numbers went back");
        FUZZ_CHECK(rec.raw.data() >= body.data() && rec.raw.data() + rec.raw.size() <= body.data() + body.size(),
                   "the record's bytes are not inside the text");
        FUZZ_CHECK(rec.size() <= options.max_fields, "more fields kept than max_fields");
        last_offset = reader.offset();
        last_line = reader.line();
        if (!rec.ok()) continue;

        // Written back and read again (after a first line, so that a field starting with a byte
        // order mark is not taken for the file's), the fields are the same.
        std::string line = "x\n";
        for (std::size_t i = 0; i < rec.size(); ++i) {
            if (i) line += options.delimiter;
            line += geo::csv_field(rec[i], options.delimiter);
        }
        line += '\n';
        geo::CsvOptions plain = options;
        plain.max_fields = rec.size() + 1;
        geo::CsvReader back(line, plain);
        FUZZ_CHECK(back.next(again) && again.ok() && again.size() == 1, "the first line did not read back");
        FUZZ_CHECK(back.next(again), "the record written back is missing");
        FUZZ_CHECK(again.ok(), "the record written back is malformed: " + again.error);
        FUZZ_CHECK(again.fields == rec.fields, "the record written back reads differently: " + line);
        FUZZ_CHECK(!back.next(again), "the record written back reads as two");
    }
    FUZZ_CHECK(records <= body.size() + 1, "more records than bytes");

    if (middle_offset == std::string_view::npos) return;
    geo::CsvOptions chunk = options;
    chunk.file_start = false;
    chunk.first_line = middle_line;
    geo::CsvReader rest(body.substr(middle_offset), chunk);
    std::size_t k = 0;
    for (; rest.next(again); ++k) {
        FUZZ_CHECK(k < from_middle.size(), "a reader started in the middle read more records");
        FUZZ_CHECK(seen(again) == from_middle[k], "a reader started in the middle read record " + std::to_string(k) +
                                                      " differently (line " + std::to_string(again.line) + ")");
    }
    FUZZ_CHECK(k == from_middle.size(), "a reader started in the middle read fewer records");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    geo::CsvOptions comma;
    read_all(text, comma);
    geo::CsvOptions few;
    few.delimiter = ';';
    few.max_fields = 3;
    few.first_line = 7;
    read_all(text, few);
    geo::CsvOptions tab;
    tab.delimiter = '\t';
    read_all(text, tab);
    return 0;
}
