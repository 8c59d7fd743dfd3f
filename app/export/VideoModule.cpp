#include "export/VideoModule.hpp"

// Why a module loaded with dlopen instead of linking FFmpeg: FFmpeg's five libraries pull in
// about 110 more (x265, aom, flite, zvbi, mfx, vulkan ...; `ldd mirador` 236 libraries, 127
// without), and the dynamic loader mapped and relocated all of them at every start of every
// command, for a feature only `mirador animate` and the window's animation dialog use: measured,
// `mirador --help` 0.26 s linked, 0.12 s loading FFmpeg here on the first MP4 or GIF instead
// (README, the `animate` entry of the command list).

#include <dlfcn.h>

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace mirador {

namespace {

// A dlopen handle, closed when dropped.
class SharedLibrary {
public:
    // RTLD_NODELETE: dlclose at exit leaves the code mapped, so that FFmpeg's threads or atexit
    // handlers never run in unmapped memory and the sanitizers can still name its frames.
    static geo::Result<SharedLibrary> open(const std::string& path) {
        dlerror();
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
        if (!handle) return geo::make_error(last_error());
        return SharedLibrary(handle);
    }
    SharedLibrary(SharedLibrary&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
    SharedLibrary& operator=(SharedLibrary&&) = delete;
    SharedLibrary(const SharedLibrary&) = delete;
    ~SharedLibrary() {
        if (handle_) dlclose(handle_);
    }

    geo::Result<void*> symbol(const char* name) const {
        dlerror();
        void* s = dlsym(handle_, name);
        if (!s) return geo::make_error(last_error());
        return s;
    }

private:
    explicit SharedLibrary(void* handle) : handle_(handle) {}
    static std::string last_error() {
        const char* e = dlerror();
        return e ? e : "unknown dlopen error";
    }
    void* handle_;
};

std::string what_to_install(const std::string& path) {
    return "MP4 and GIF need Mirador's module " + path +
           " and FFmpeg's libraries (on Debian 12: apt-get install " MIRADOR_FFMPEG_PACKAGES
           "); a PNG sequence needs neither";
}

geo::Result<std::pair<SharedLibrary, const MiradorVideoModule*>> load(const std::string& path) {
    auto lib = SharedLibrary::open(path);
    if (!lib) return geo::make_error("cannot load the video encoder: " + lib.error() + ". " + what_to_install(path));
    auto entry = lib->symbol(MIRADOR_VIDEO_ENTRY_POINT);
    if (!entry)
        return geo::make_error("the video encoder " + path + " is not Mirador's (" + entry.error() + "): reinstall Mirador");
    const MiradorVideoModule* table = reinterpret_cast<MiradorVideoEntryPoint>(*entry)();
    if (!table || table->abi_version != MIRADOR_VIDEO_ABI_VERSION)
        return geo::make_error("the video encoder " + path + " is from another version of Mirador (interface " +
                               std::to_string(table ? table->abi_version : -1) + ", this program needs " +
                               std::to_string(MIRADOR_VIDEO_ABI_VERSION) + "): reinstall Mirador");
    return std::pair<SharedLibrary, const MiradorVideoModule*>(std::move(lib.value()), table);
}

}  // namespace

std::string video_module_path() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return "mirador-video.so";  // dlopen then reports it missing
    return (exe.parent_path().parent_path() / "lib/mirador/mirador-video.so").lexically_normal().string();
}

geo::Result<const MiradorVideoModule*> video_module() {
    static std::mutex lock;
    static std::optional<SharedLibrary> library;  // kept loaded to the end of the process
    static const MiradorVideoModule* table = nullptr;
    std::lock_guard<std::mutex> hold(lock);
    if (table) return table;
    auto loaded = load(video_module_path());
    if (!loaded) return geo::make_error(loaded.error());
    library.emplace(std::move(loaded->first));
    table = loaded->second;
    return table;
}

}  // namespace mirador
