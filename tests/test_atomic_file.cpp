// The shared atomic writer: the old file survives every failure, no temporary file is left
// behind, and outputs that are inputs are refused.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "TestData.hpp"
#include "mirador/geo/AtomicFile.hpp"

namespace fs = std::filesystem;
using namespace mirador;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void put(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// Clears the fault hook whatever the test's outcome.
struct FaultGuard {
    explicit FaultGuard(geo::FaultStep s) { geo::inject_atomic_file_fault(s); }
    ~FaultGuard() { geo::inject_atomic_file_fault(geo::FaultStep::None); }
};

}  // namespace

TEST_CASE("atomic file: writes a new file and replaces an old one", "[atomic]") {
    const fs::path dir = test::temp_dir("atomic-basic");
    const fs::path out = dir / "out.csv";
    REQUIRE(geo::write_file_atomically(out.string(), "first\n"));
    CHECK(slurp(out) == "first\n");
    std::string big(3 << 20, 'x');  // over the buffer: written straight out
    auto f = geo::AtomicFile::create(out.string());
    REQUIRE(f);
    f->write("head,");
    f->write(big);
    *f << "tail" << '\n';
    CHECK(slurp(out) == "first\n");  // untouched until commit
    REQUIRE(f->commit());
    CHECK(slurp(out) == "head," + big + "tail\n");
    CHECK(entries(dir) == 1);
}

TEST_CASE("atomic file: a replaced file keeps its permissions; a new one follows the umask", "[atomic]") {
    const fs::path dir = test::temp_dir("atomic-mode");
    const fs::path out = dir / "out.txt";
    put(out, "old");
    ::chmod(out.c_str(), 0640);
    REQUIRE(geo::write_file_atomically(out.string(), "new"));
    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    const fs::path fresh = dir / "fresh.txt";
    struct UmaskGuard {
        mode_t old = ::umask(022);
        ~UmaskGuard() { ::umask(old); }
    } umask_guard;
    REQUIRE(geo::write_file_atomically(fresh.string(), "x"));
    REQUIRE(::stat(fresh.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0644);
}

TEST_CASE("atomic file: a failure at any step keeps the old file and leaves no temporary file", "[atomic]") {
    const fs::path dir = test::temp_dir("atomic-faults");
    const fs::path out = dir / "map.png";
    for (auto step : {geo::FaultStep::Create, geo::FaultStep::Write, geo::FaultStep::Fsync, geo::FaultStep::Link,
                      geo::FaultStep::Rename}) {
        put(out, "the good old file");
        {
            FaultGuard guard(step);
            auto f = geo::AtomicFile::create(out.string());
            if (step == geo::FaultStep::Create) {
                REQUIRE_FALSE(f);
                CHECK_THAT(f.error(), Catch::Contains(out.string()));
            } else {
                REQUIRE(f);
                f->write("half a new file");
                auto r = f->commit();
                REQUIRE_FALSE(r);
                CHECK_THAT(r.error(), Catch::Contains(out.string()) && Catch::Contains("unchanged"));
                if (step == geo::FaultStep::Write) CHECK_THAT(r.error(), Catch::Contains("no space left"));
            }
        }
        INFO("step " << int(step));
        CHECK(slurp(out) == "the good old file");
        CHECK(entries(dir) == 1);
    }
}

TEST_CASE("atomic file: a folder that cannot be synced is an error, with the new file in place", "[atomic]") {
    const fs::path dir = test::temp_dir("atomic-dirsync");
    const fs::path out = dir / "a.txt";
    FaultGuard guard(geo::FaultStep::SyncFolder);
    auto r = geo::write_file_atomically(out.string(), "new");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains("could not be saved to disk"));
    CHECK(entries(dir) == 1);
}

TEST_CASE("atomic file: dropped without commit, nothing changes", "[atomic]") {
    const fs::path dir = test::temp_dir("atomic-drop");
    const fs::path out = dir / "x.csv";
    put(out, "keep");
    {
        auto f = geo::AtomicFile::create(out.string());
        REQUIRE(f);
        f->write("discard me");
        REQUIRE(f->flush());
    }
    CHECK(slurp(out) == "keep");
    CHECK(entries(dir) == 1);
}

TEST_CASE("atomic file: a missing folder or a folder as target is a clear error", "[atomic]") {
    const fs::path dir = test::temp_dir("atomic-bad-target");
    auto a = geo::AtomicFile::create((dir / "no/such/folder/out.csv").string());
    REQUIRE_FALSE(a);
    CHECK_THAT(a.error(), Catch::Contains("does not exist"));
    auto b = geo::AtomicFile::create(dir.string());
    REQUIRE_FALSE(b);
    CHECK_THAT(b.error(), Catch::Contains("is a folder"));
}

TEST_CASE("atomic file: libraries can write through the path of the open file", "[atomic]") {
    const fs::path dir = test::temp_dir("atomic-path");
    const fs::path out = dir / "lib.bin";
    auto f = geo::AtomicFile::create(out.string());
    REQUIRE(f);
    {
        std::ofstream lib(f->path(), std::ios::binary);
        lib << "written by a library";
        REQUIRE(lib.good());
    }
    REQUIRE(f->commit());
    CHECK(slurp(out) == "written by a library");
}

TEST_CASE("output checks: the same file by any path is refused", "[atomic]") {
    const fs::path dir = test::temp_dir("atomic-same");
    const fs::path in = dir / "in.csv";
    put(in, "id,date\n");
    const std::vector<std::string> inputs{in.string(), "PG:dbname=x", ""};
    CHECK_FALSE(geo::check_output_is_not_input(in.string(), inputs));
    // relative path, from the file's folder (the folder is restored however the check goes)
    {
        struct CwdGuard {
            fs::path old = fs::current_path();
            ~CwdGuard() { fs::current_path(old); }
        } cwd_guard;
        fs::current_path(dir);
        CHECK_FALSE(geo::check_output_is_not_input("./in.csv", inputs));
    }
    fs::create_symlink(in, dir / "link.csv");
    auto sym = geo::check_output_is_not_input((dir / "link.csv").string(), inputs);
    REQUIRE_FALSE(sym);
    CHECK_THAT(sym.error(), Catch::Contains("another path or link"));
    fs::create_hard_link(in, dir / "hard.csv");
    CHECK_FALSE(geo::check_output_is_not_input((dir / "hard.csv").string(), inputs));
    CHECK(geo::check_output_is_not_input((dir / "new.csv").string(), inputs));
    put(dir / "other.csv", "x");
    CHECK(geo::check_output_is_not_input((dir / "other.csv").string(), inputs));
}
