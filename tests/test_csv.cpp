#include <catch2/catch.hpp>

#include <fstream>

#include "TestData.hpp"
#include "mirador/geo/CsvReader.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

// Every record as (line, fields) for comparing whole files at once.
struct Row {
    std::size_t line;
    std::vector<std::string> fields;
    std::string error;
};

std::vector<Row> read_all(std::string_view text, CsvOptions options = {}) {
    CsvReader reader(text, options);
    CsvRecord rec;
    std::vector<Row> rows;
    while (reader.next(rec)) rows.push_back({rec.line, {rec.fields.begin(), rec.fields.end()}, rec.error});
    return rows;
}

using Fields = std::vector<std::string>;

}  // namespace

TEST_CASE("csv: plain records, line numbers and line endings", "[csv]") {
    for (const char* text : {"a,b,c\n1,2,3\n", "a,b,c\r\n1,2,3\r\n", "a,b,c\n1,2,3", "a,b,c\r\n1,2,3"}) {
        INFO(text);
        const auto rows = read_all(text);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].fields == Fields{"a", "b", "c"});
        CHECK(rows[1].fields == Fields{"1", "2", "3"});
        CHECK(rows[0].line == 1);
        CHECK(rows[1].line == 2);
    }
    // Empty fields, a trailing delimiter, a blank line (one empty field), a lone CR kept as data.
    const auto rows = read_all(",x,\n\n a , b\rc\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == Fields{"", "x", ""});
    CHECK(rows[1].fields == Fields{""});
    CHECK(rows[1].line == 2);
    CHECK(rows[2].fields == Fields{" a ", " b\rc"});
    CHECK(read_all("").empty());
}

TEST_CASE("csv: quoted fields with delimiters, escapes and newlines", "[csv]") {
    const std::string text =
        "id,notes,n\n"
        "1,\"Culiacán, Sinaloa\",2\n"
        "2,\"he said \"\"let him go\"\"\",3\n"
        "3,\"two\nlines\r\nand three\",4\n"
        "4,\"\",\"\"\"\"\n"
        "5,a\"b,\"x\"\r\n"
        "6,last,\"q\"";
    const auto rows = read_all(text);
    REQUIRE(rows.size() == 7);
    for (const auto& r : rows) CHECK(r.error.empty());
    CHECK(rows[1].fields == Fields{"1", "Culiacán, Sinaloa", "2"});
    CHECK(rows[2].fields == Fields{"2", "he said \"let him go\"", "3"});
    CHECK(rows[3].fields == Fields{"3", "two\nlines\r\nand three", "4"});
    CHECK(rows[4].fields == Fields{"4", "", "\""});
    CHECK(rows[5].fields == Fields{"5", "a\"b", "x"});  // a quote inside an unquoted field is data
    CHECK(rows[6].fields == Fields{"6", "last", "q"});
    // Records start on the line where they begin; the multi-line one moves the count on by 2.
    CHECK(rows[3].line == 4);
    CHECK(rows[4].line == 7);
    CHECK(rows[6].line == 9);
}

TEST_CASE("csv: unescaped fields point into the buffer, escaped ones are unescaped", "[csv]") {
    const std::string text = "plain,\"quoted\",\"esc\"\"aped\"\n";
    CsvReader reader(text);
    CsvRecord rec;
    REQUIRE(reader.next(rec));
    REQUIRE(rec.size() == 3);
    CHECK(rec[0].data() == text.data());
    CHECK(rec[1].data() == text.data() + 7);
    CHECK(rec[2] == "esc\"aped");
    CHECK(rec.raw == "plain,\"quoted\",\"esc\"\"aped\"");
    CHECK_FALSE(reader.next(rec));
}

TEST_CASE("csv: a UTF-8 byte order mark is skipped", "[csv]") {
    const auto rows = read_all("\xEF\xBB\xBFid,date\r\n1,2019\r\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields == Fields{"id", "date"});
    CsvReader r("\xEF\xBB\xBF\"q\"\n");
    CHECK(r.had_bom());
    CsvRecord rec;
    REQUIRE(r.next(rec));
    CHECK(rec[0] == "q");
}

TEST_CASE("csv: a chunk from inside a file keeps a byte order mark as data", "[csv][fuzz]") {
    // Only a file's start has a byte order mark; the incident loader's second thread reads from
    // the middle of a file, where EF BB BF (files joined with cat) is part of the record.
    CsvOptions chunk;
    chunk.file_start = false;
    chunk.first_line = 40;
    const auto rows = read_all("\xEF\xBB\xBF" "b,2019\n", chunk);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].line == 40);
    CHECK(rows[0].fields == Fields{"\xEF\xBB\xBF" "b", "2019"});
    CsvReader r("\xEF\xBB\xBF" "b\n", chunk);
    CHECK_FALSE(r.had_bom());
}

TEST_CASE("csv: other delimiters", "[csv]") {
    CsvOptions o;
    o.delimiter = ';';
    const auto rows = read_all("fecha;latitud\n\"17/10/2019\";24,8\n", o);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].fields == Fields{"17/10/2019", "24,8"});
    o.delimiter = '\t';
    CHECK(read_all("a\tb,c\n", o)[0].fields == Fields{"a", "b,c"});
}

TEST_CASE("csv: an unterminated quote is reported with its line and reading goes on", "[csv]") {
    const std::string text =
        "id,notes\n"
        "1,fine\n"
        "2,\"never closed\n"
        "3,fine\n"
        "4,fine\n";
    const auto rows = read_all(text);
    REQUIRE(rows.size() == 5);
    CHECK(rows[2].line == 3);
    CHECK_THAT(rows[2].error, Catch::Contains("unterminated") && Catch::Contains("line 3"));
    // The reader resumes on the line after the quote, so the rows after it still load.
    CHECK(rows[3].line == 4);
    CHECK(rows[3].error.empty());
    CHECK(rows[3].fields == Fields{"3", "fine"});
    CHECK(rows[4].fields == Fields{"4", "fine"});

    // Text after a closing quote: reported, and the next line reads normally.
    const auto bad = read_all("1,\"a\"b,c\n2,d\n");
    REQUIRE(bad.size() == 2);
    CHECK_THAT(bad[0].error, Catch::Contains("after the closing quote on line 1"));
    CHECK(bad[1].fields == Fields{"2", "d"});
    CHECK(bad[1].line == 2);

    // Quote open at the very end of the input.
    const auto tail = read_all("1,2\n3,\"");
    REQUIRE(tail.size() == 2);
    CHECK_THAT(tail[1].error, Catch::Contains("unterminated"));
    CHECK(tail[1].line == 2);
}

TEST_CASE("csv: a 10 MB single line is read in one pass", "[csv]") {
    // One enormous unquoted field, one enormous quoted field, and a line of commas that would
    // be millions of fields: each is a single record, and the record after it is intact.
    const std::size_t big = 10u << 20;
    {
        std::string text = "a,b\n1," + std::string(big, 'x') + "\n2,y\n";
        const auto rows = read_all(text);
        REQUIRE(rows.size() == 3);
        CHECK(rows[1].fields[1].size() == big);
        CHECK(rows[2].fields == Fields{"2", "y"});
        CHECK(rows[2].line == 3);
    }
    {
        std::string text = "1,\"" + std::string(big, 'q') + "\"\n2,y\n";
        const auto rows = read_all(text);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].fields[1].size() == big);
        CHECK(rows[1].fields == Fields{"2", "y"});
    }
    {
        std::string text = std::string(big, ',') + "\n2,y\n";
        CsvReader reader(text);
        CsvRecord rec;
        REQUIRE(reader.next(rec));
        CHECK_THAT(rec.error, Catch::Contains("more than 4096 fields"));
        CHECK(rec.size() == 4096);
        CHECK(rec.raw.size() == big);
        REQUIRE(reader.next(rec));
        CHECK(rec.ok());
        CHECK(rec.line == 2);
    }
    {
        // An unterminated quote followed by 10 MB: one error, then the next line.
        std::string text = "1,\"open\n" + std::string(big, 'z') + "\n";
        const auto rows = read_all(text);
        REQUIRE(rows.size() == 2);
        CHECK_THAT(rows[0].error, Catch::Contains("unterminated"));
        CHECK(rows[1].line == 2);
        CHECK(rows[1].fields[0].size() == big);
    }
}

TEST_CASE("csv: files are read whole, and missing files are errors naming them", "[csv]") {
    const std::string dir = test::temp_dir("csv");
    const std::string path = dir + "/x.csv";
    std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBFid,notes\r\n1,\"a\r\nb\"\r\n";
    auto reader = CsvReader::open(path);
    REQUIRE(reader);
    CsvRecord rec;
    REQUIRE(reader->next(rec));
    CHECK(rec.fields == std::vector<std::string_view>{"id", "notes"});
    // The reader owns the file: moving it keeps the views valid.
    CsvReader moved = std::move(reader).value();
    REQUIRE(moved.next(rec));
    CHECK(rec[1] == "a\r\nb");
    CHECK(rec.line == 2);

    auto missing = CsvReader::open(dir + "/nope.csv");
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error(), Catch::Contains("nope.csv"));
    auto folder = CsvReader::open(dir);
    REQUIRE_FALSE(folder);
    CHECK_THAT(folder.error(), Catch::Contains("is a folder"));
}
