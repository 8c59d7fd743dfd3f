#include "mirador/geo/AtomicFile.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mirador::geo {

namespace fs = std::filesystem;

namespace {

std::atomic<FaultStep> g_fault{FaultStep::None};

// Fails the step the test hook names, as the real call would (errno set, -1 returned).
bool faulted(FaultStep step) {
    if (g_fault.load(std::memory_order_relaxed) != step) return false;
    errno = step == FaultStep::Write ? ENOSPC : EIO;
    return true;
}

std::string describe(int err) {
    switch (err) {
    case ENOSPC: return "no space left on the device";
    case EDQUOT: return "disk quota exceeded";
    case EFBIG: return "file too large (a file size limit, or the file system's largest file)";
    case EACCES:
    case EPERM: return "permission denied";
    case ENOENT: return "the folder does not exist";
    case EROFS: return "read-only file system";
    case EISDIR: return "is a folder";
    default: return std::strerror(err);
    }
}

// The process's umask, read without changing it (umask() would, racing other threads).
mode_t current_umask() {
    if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
        char line[256];
        unsigned mask = 022;
        bool found = false;
        while (std::fgets(line, sizeof line, f))
            if (std::sscanf(line, "Umask: %o", &mask) == 1) {
                found = true;
                break;
            }
        std::fclose(f);
        if (found) return static_cast<mode_t>(mask);
    }
    return 022;
}

std::string random_suffix() {
    static std::atomic<unsigned> counter{0};
    std::mt19937_64 rng(static_cast<unsigned long>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
                        (static_cast<unsigned long>(::getpid()) << 20) ^ counter.fetch_add(1));
    static const char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string s(8, 'x');
    for (char& c : s) c = kChars[rng() % (sizeof kChars - 1)];
    return s;
}

}  // namespace

void inject_atomic_file_fault(FaultStep step) { g_fault.store(step, std::memory_order_relaxed); }

Result<AtomicFile> AtomicFile::create(const std::string& target) {
    if (target.empty()) return make_error("no output file given");
    AtomicFile f;
    f.target_ = target;
    const fs::path p(target);
    f.dir_ = p.parent_path().empty() ? std::string(".") : p.parent_path().string();

    struct stat st {};
    if (::stat(target.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) return make_error(target + ": is a folder, not a file");
        if (!S_ISREG(st.st_mode)) return make_error(target + ": exists and is not a regular file; refusing to replace it");
        f.mode_ = static_cast<int>(st.st_mode & 07777);  // a replaced file keeps its permissions
    } else {
        f.mode_ = static_cast<int>(0666 & ~current_umask());
    }
    struct stat dst {};
    if (::stat(f.dir_.c_str(), &dst) != 0 || !S_ISDIR(dst.st_mode))
        return make_error(target + ": cannot write: the folder " + f.dir_ + " does not exist");

    if (faulted(FaultStep::Create)) return make_error(target + ": cannot create a temporary file: " + describe(errno));
    f.created_ns_ = std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::system_clock::now().time_since_epoch()).count();
    f.fd_ = ::open(f.dir_.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (f.fd_ < 0) {
        // No O_TMPFILE on this file system (or an old kernel): a named file, removed on failure.
        std::string templ = (fs::path(f.dir_) / ("." + p.filename().string() + ".XXXXXX.tmp")).string();
        f.fd_ = ::mkostemps(templ.data(), 4, O_CLOEXEC);
        if (f.fd_ < 0) return make_error(target + ": cannot create a file in " + f.dir_ + ": " + describe(errno));
        f.named_ = templ;
    }
    if (::fchmod(f.fd_, static_cast<mode_t>(f.mode_)) != 0) {
        // Not fatal: a file system without permissions (vfat) still takes the content.
    }
    return f;
}

AtomicFile::AtomicFile(AtomicFile&& o) noexcept
    : target_(std::move(o.target_)), dir_(std::move(o.dir_)), named_(std::move(o.named_)), fd_(o.fd_), mode_(o.mode_),
      buffer_(std::move(o.buffer_)), error_(std::move(o.error_)), committed_(o.committed_) {
    created_ns_ = o.created_ns_;
    o.fd_ = -1;
    o.named_.clear();
    o.committed_ = true;
}

AtomicFile& AtomicFile::operator=(AtomicFile&& o) noexcept {
    if (this != &o) {
        abandon();
        target_ = std::move(o.target_);
        dir_ = std::move(o.dir_);
        named_ = std::move(o.named_);
        fd_ = o.fd_;
        mode_ = o.mode_;
        buffer_ = std::move(o.buffer_);
        error_ = std::move(o.error_);
        committed_ = o.committed_;
        created_ns_ = o.created_ns_;
        o.fd_ = -1;
        o.named_.clear();
        o.committed_ = true;
    }
    return *this;
}

AtomicFile::~AtomicFile() { abandon(); }

void AtomicFile::abandon() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!committed_ && !named_.empty()) ::unlink(named_.c_str());
    named_.clear();
}

void AtomicFile::set_error(const char* step, int err) {
    if (error_.empty()) error_ = target_ + ": " + step + ": " + describe(err) + " (the previous file, if any, is unchanged)";
}

void AtomicFile::fail(const std::string& reason) {
    if (error_.empty()) error_ = target_ + ": " + reason + " (the previous file, if any, is unchanged)";
}

std::string AtomicFile::path() const { return "/proc/self/fd/" + std::to_string(fd_); }

void AtomicFile::write(std::string_view bytes) {
    if (failed() || fd_ < 0) return;
    constexpr std::size_t kBuffer = 1 << 20;
    if (buffer_.size() + bytes.size() > kBuffer) {
        if (!flush()) return;
        if (bytes.size() >= kBuffer) {
            buffer_.assign(bytes);  // written straight out by the flush below
            flush();
            return;
        }
    }
    buffer_.append(bytes);
}

bool AtomicFile::flush() {
    if (failed()) return false;
    const char* p = buffer_.data();
    std::size_t left = buffer_.size();
    while (left > 0) {
        if (faulted(FaultStep::Write)) {
            set_error("cannot write", errno);
            buffer_.clear();
            return false;
        }
        const ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            set_error("cannot write", errno);
            buffer_.clear();
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    buffer_.clear();
    return true;
}

Result<bool> AtomicFile::commit() {
    auto failure = [&]() -> Result<bool> {
        abandon();
        return make_error(error_);
    };
    if (fd_ < 0 && error_.empty()) error_ = target_ + ": already written or abandoned";
    if (!flush()) return failure();
    if (faulted(FaultStep::Fsync) || ::fsync(fd_) != 0) {
        set_error("cannot save to disk (fsync)", errno);
        return failure();
    }
    if (named_.empty()) {
        const std::string base = fs::path(target_).filename().string();
        for (int attempt = 0; attempt < 100 && named_.empty(); ++attempt) {
            const std::string name = (fs::path(dir_) / ("." + base + "." + random_suffix() + ".tmp")).string();
            if (faulted(FaultStep::Link)) {
                set_error("cannot name the new file", errno);
                return failure();
            }
            if (::linkat(AT_FDCWD, path().c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
                named_ = name;
            } else if (errno != EEXIST) {
                set_error("cannot name the new file", errno);
                return failure();
            }
        }
        if (named_.empty()) {
            set_error("cannot name the new file", EEXIST);
            return failure();
        }
    }
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
        set_error("cannot close", errno);
        return failure();
    }
    if (faulted(FaultStep::Rename) || ::rename(named_.c_str(), target_.c_str()) != 0) {
        set_error("cannot replace the file", errno);
        return failure();
    }
    named_.clear();
    committed_ = true;
    remove_orphans();
    // The rename is durable only once the folder is: without this a power cut could bring the
    // old name back, or neither.
    const int dfd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const bool synced = dfd >= 0 && !faulted(FaultStep::SyncFolder) && ::fsync(dfd) == 0;
    const int err = errno;
    if (dfd >= 0) ::close(dfd);
    if (!synced && err != EINVAL) {  // EINVAL: a folder that cannot be synced (some FUSE mounts)
        // The new file is in place; only its durability is in doubt. Still an error: the caller
        // must not report success on a file that may not survive a crash.
        error_ = target_ + ": written, but the folder could not be saved to disk: " + describe(err);
        return make_error(error_);
    }
    return true;
}

void AtomicFile::remove_orphans() const {
    // A save killed between naming its file and the rename (SIGKILL, a power cut) leaves its
    // ".NAME.XXXX.tmp" behind; no scheme built on rename can avoid that moment. The next save of
    // the same file removes such files written before it began. (A save of the same file running
    // at this very moment in another process would lose its temporary file and report that its
    // rename failed: nothing it had saved is lost.)
    const std::string prefix = "." + fs::path(target_).filename().string() + ".";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
        const std::string name = e.path().filename().string();
        if (name.size() <= prefix.size() + 4 || name.compare(0, prefix.size(), prefix) != 0 ||
            name.compare(name.size() - 4, 4, ".tmp") != 0)
            continue;
        struct stat st {};
        if (::lstat(e.path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        const std::int64_t written = std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        if (written < created_ns_) ::unlink(e.path().c_str());
    }
}

Result<bool> write_file_atomically(const std::string& target, std::string_view bytes) {
    auto f = AtomicFile::create(target);
    if (!f) return make_error(f.error());
    f->write(bytes);
    return f->commit();
}

Result<bool> check_output_is_not_input(const std::string& output, std::span<const std::string> inputs,
                                       const std::string& flag) {
    struct stat out {};
    if (output.empty() || ::stat(output.c_str(), &out) != 0) return true;  // a new file cannot be an input
    for (const std::string& in : inputs) {
        struct stat st {};
        if (in.empty() || ::stat(in.c_str(), &st) != 0) continue;
        if (st.st_dev == out.st_dev && st.st_ino == out.st_ino)
            return make_error(flag + " " + output + " is the input " + in +
                              (in == output ? "" : " (the same file by another path or link)") +
                              "; writing it would destroy the input: choose another output file");
    }
    return true;
}

}  // namespace mirador::geo
