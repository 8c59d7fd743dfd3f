#pragma once
// A read-only memory mapping of a file that another program may rewrite while we read it.
//
// Reading a mapped page past a file's new end raises SIGBUS, which kills the process: a 1.3 GB
// incident CSV truncated by the spreadsheet saving it took Mirador down mid-load. Here a SIGBUS
// handler (installed once) looks up the faulting address among the live mappings; when it is in
// one, it maps a page of zeros over the missing page and marks the mapping as changed, and the
// reader goes on to the end of what it thinks is the file. The caller then asks changed() and
// discards what it read. A fault anywhere else goes to the previous handler (the default: the
// crash a bug should be).
//
// Why map and not read: at 10M incidents reading the file into memory doubled the peak memory
// and cost a copy; the mapping's pages are handed back as they are parsed.
#include <cstddef>
#include <string>
#include <string_view>

#include "mirador/geo/Result.hpp"

namespace mirador::geo {

class MappedFile {
public:
    // Maps the whole regular file. Errors name it.
    [[nodiscard]] static Result<MappedFile> open(const std::string& path);
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;
    ~MappedFile();

    std::string_view text() const { return {static_cast<const char*>(data_), size_}; }
    // True when the file shrank under a read (a page of zeros stood in), or when its size or
    // modification time differ from those at open().
    bool changed() const;
    // Gives back the pages of [from, to) (read, not needed again): MADV_DONTNEED.
    void release(std::size_t from, std::size_t to) const;

private:
    MappedFile() = default;
    std::string path_;
    void* data_ = nullptr;
    std::size_t size_ = 0;
    long mtime_ns_ = 0;
    int fd_ = -1;
    int slot_ = -1;  // in the SIGBUS handler's table
};

}  // namespace mirador::geo
