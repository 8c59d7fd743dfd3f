#pragma once
// Every file Mirador writes goes through AtomicFile: the old file stays whole until the new one
// is complete on disk, and a failed or killed run leaves nothing behind.
//
//   1. the new content goes to an unnamed file in the target's folder (O_TMPFILE), or, on a
//      file system without O_TMPFILE, to a mkstemp() file there;
//   2. every write, the flush and the close are checked; the first failure is kept and named;
//   3. commit(): fsync the file, give it a name in the folder, rename() it over the target,
//      fsync the folder;
//   4. on any failure, or when the AtomicFile is dropped without commit(), the temporary file
//      is removed and the target is left as it was.
//
// Why O_TMPFILE first: a process killed with SIGKILL cannot clean up, and a named temporary file
// (the old "out.png.part") stayed behind, up to 89 MB of them. An unnamed file vanishes with
// the process; it has a name only for the instant between link and rename.
//
// Libraries that want a path (GDAL, FFmpeg) write through path(): /proc/self/fd/N, which opens
// this same file.
#include <cstddef>
#include <span>
#include <cstdint>
#include <string>
#include <string_view>

#include "mirador/geo/Result.hpp"

namespace mirador::geo {

class AtomicFile {
public:
    // Opens a temporary file beside `target`. Fails (naming the target) when the folder is missing
    // or not writable, or when `target` is a folder.
    [[nodiscard]] static Result<AtomicFile> create(const std::string& target);

    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();  // abandons the file unless committed

    // Buffered writing; the first failure is kept and every later call does nothing.
    void write(std::string_view bytes);
    void write(const void* data, std::size_t size) { write(std::string_view(static_cast<const char*>(data), size)); }
    AtomicFile& operator<<(std::string_view text) {
        write(text);
        return *this;
    }
    AtomicFile& operator<<(char c) {
        write(std::string_view(&c, 1));
        return *this;
    }
    // Writes the buffer out now; false (and failed()) on an error.
    bool flush();
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }
    // Marks the file as failed with this reason (a library writing through path() reported it).
    void fail(const std::string& reason);

    // The open file, for libraries that write through a descriptor or a path. Flush first.
    int fd() const { return fd_; }
    std::string path() const;
    const std::string& target() const { return target_; }

    // Flushes, fsyncs, renames over the target and fsyncs the folder. The error names the
    // target and the reason; the old target is then untouched and the temporary file gone.
    [[nodiscard]] Result<bool> commit();

private:
    AtomicFile() = default;
    void abandon();
    void remove_orphans() const;  // after a commit: temporary files of killed saves of the same target
    void set_error(const char* step, int err);

    std::string target_;
    std::string dir_;
    std::string named_;  // the temporary file's name when it has one (mkstemp, or after link)
    std::int64_t created_ns_ = 0;  // wall clock at create(): older temporary files are orphans
    int fd_ = -1;
    int mode_ = 0666;
    std::string buffer_;
    std::string error_;
    bool committed_ = false;
};

// The whole content at once.
[[nodiscard]] Result<bool> write_file_atomically(const std::string& target, std::string_view bytes);

// Test hook: the step named here fails (with ENOSPC for writes, EIO otherwise) for every
// AtomicFile made afterwards in this process, until cleared with FaultStep::None.
enum class FaultStep { None, Create, Write, Fsync, Link, Rename, SyncFolder };
void inject_atomic_file_fault(FaultStep step);

// Refuses an output that is one of the inputs: the same path written differently, a symbolic
// link to it, or a hard link (same device and inode). `flag` names the output in the message,
// e.g. "--out". Inputs that do not exist (or are not files: "PG:...") are ignored.
[[nodiscard]] Result<bool> check_output_is_not_input(const std::string& output, std::span<const std::string> inputs,
                                                     const std::string& flag = "--out");

}  // namespace mirador::geo
