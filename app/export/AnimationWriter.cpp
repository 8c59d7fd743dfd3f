#include "export/AnimationWriter.hpp"

// The file (geo::AtomicFile) and the checks on the caller's arguments are here; every call into
// FFmpeg is in the video module (export/video/VideoEncoder.cpp), loaded on the first MP4 or GIF
// (export/VideoModule.cpp), which writes to the AtomicFile's path().

#include <array>

#include "export/FileExtension.hpp"
#include "export/VideoModule.hpp"
#include "mirador/geo/AtomicFile.hpp"

namespace mirador {

geo::Result<AnimationFormat> animation_format_for(const std::string& path) {
    const std::string ext = lower_extension(path);
    if (ext == "mp4") return AnimationFormat::Mp4;
    if (ext == "gif") return AnimationFormat::Gif;
    return geo::make_error(path + ": an animation is written as .mp4 or .gif (or a PNG sequence into a folder)");
}

namespace {

// The module's reason for a failure (VideoModuleAbi.h: every call fills a caller's buffer).
struct ModuleError {
    std::array<char, 1024> text{};
    char* data() { return text.data(); }
    std::size_t size() const { return text.size(); }
    std::string str() const { return text.data(); }
};

}  // namespace

struct AnimationWriter::Impl {
    const MiradorVideoModule* module;
    MiradorVideo* video = nullptr;  // the module's, freed by module->close
    geo::AtomicFile file;
    int encoded_width = 0, encoded_height = 0;
    int frames = 0;
    bool broken = false;

    Impl(const MiradorVideoModule* m, MiradorVideo* v, geo::AtomicFile f) : module(m), video(v), file(std::move(f)) {}
    ~Impl() { close_video(); }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    void close_video() {
        module->close(video);  // closes FFmpeg's handle on the file
        video = nullptr;
    }

    geo::Error fail(const std::string& reason) {
        broken = true;
        close_video();
        if (!file.failed()) file.fail(reason);
        auto r = file.commit();  // refuses, and removes the temporary file
        return geo::make_error(r ? file.target() + ": " + reason : r.error());
    }
};

AnimationWriter::AnimationWriter(std::unique_ptr<Impl> impl, int width, int height)
    : impl_(std::move(impl)), width_(width), height_(height) {}
AnimationWriter::~AnimationWriter() = default;

int AnimationWriter::encoded_width() const { return impl_->encoded_width; }
int AnimationWriter::encoded_height() const { return impl_->encoded_height; }
int AnimationWriter::frames() const { return impl_->frames; }

geo::Result<std::unique_ptr<AnimationWriter>> AnimationWriter::open(const std::string& path, AnimationFormat format, int width,
                                                                   int height, const AnimationOptions& options) {
    if (width <= 0 || height <= 0) return geo::make_error(path + ": cannot write an animation of empty frames");
    if (!(options.fps > 0) || options.fps > 120)
        return geo::make_error(path + ": frames per second must be above 0 and at most 120 (got " +
                               std::to_string(options.fps) + ")");
    auto module = video_module();
    if (!module) return geo::make_error(path + ": " + module.error());
    const MiradorVideoModule& m = **module;

    // The encoder and container first: a missing one leaves no file behind.
    MiradorVideoParams params{};
    params.gif = format == AnimationFormat::Gif;
    params.width = width;
    params.height = height;
    params.fps = options.fps;
    params.h264_encoder = options.h264_encoder.c_str();
    params.crf = options.crf;
    ModuleError error;
    MiradorVideo* video = nullptr;
    if (m.prepare(&params, &video, error.data(), error.size()) != 0) return geo::make_error(path + ": " + error.str());

    auto file = geo::AtomicFile::create(path);
    if (!file) {
        m.close(video);
        return geo::make_error(file.error());
    }
    auto impl = std::make_unique<Impl>(&m, video, std::move(file.value()));
    // /proc/self/fd/N: no extension, hence the container named by format in prepare.
    const std::string target = impl->file.path();
    if (m.start(video, target.c_str(), &impl->encoded_width, &impl->encoded_height, error.data(), error.size()) != 0)
        return impl->fail(error.str());
    return std::unique_ptr<AnimationWriter>(new AnimationWriter(std::move(impl), width, height));
}

geo::Result<bool> AnimationWriter::add_frame(const Image& frame) {
    Impl& m = *impl_;
    if (m.broken) return geo::make_error(m.file.target() + ": the animation has already failed");
    if (frame.width != width_ || frame.height != height_ ||
        frame.rgba.size() != static_cast<std::size_t>(frame.width) * frame.height * 4)
        return m.fail("frame " + std::to_string(m.frames + 1) + " is " + std::to_string(frame.width) + " x " +
                      std::to_string(frame.height) + " pixels; the animation's frames are " + std::to_string(width_) + " x " +
                      std::to_string(height_));
    ModuleError error;
    if (m.module->add_frame(m.video, frame.at(0, 0), m.frames, error.data(), error.size()) != 0) return m.fail(error.str());
    ++m.frames;
    return true;
}

geo::Result<bool> AnimationWriter::finish() {
    Impl& m = *impl_;
    if (m.broken) return geo::make_error(m.file.target() + ": the animation has already failed");
    if (m.frames == 0) return m.fail("an animation needs at least one frame");
    ModuleError error;
    if (m.module->finish(m.video, m.frames, error.data(), error.size()) != 0) return m.fail(error.str());
    m.broken = true;  // one commit only
    return m.file.commit();
}

}  // namespace mirador
