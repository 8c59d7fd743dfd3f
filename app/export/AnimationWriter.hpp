#pragma once
// Animations of the map: MP4 (H.264, yuv420p: plays in browsers and PowerPoint) and GIF, encoded
// through FFmpeg's libraries as the frames arrive (RGBA Images, alpha ignored), written through
// geo::AtomicFile.
//
// Why FFmpeg's libraries and not a pipe to the `ffmpeg` program: errors come back as codes at the
// frame that caused them instead of as text from a child process; there is no program to find on
// PATH (the libraries come with the package: dpkg-shlibdeps makes it depend on them); and no
// second process holds a copy of every frame. The libraries are told the container (mp4, gif) by
// name, since the AtomicFile's temporary file has no extension. They are not linked into the
// program: the video module that calls them (export/video/) is loaded on the first MP4 or GIF
// (export/VideoModule.cpp), so that no other command pays for loading them.
//
// MP4 needs even sizes (4:2:0 chroma is one sample per 2 x 2 pixels): an odd width or height is
// padded by one column or row repeating the last one, never cropped, so no part of the map, its
// title or its credits is lost. encoded_width()/encoded_height() say what the video holds.
#include <memory>
#include <string>

#include "export/Image.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador {

enum class AnimationFormat { Mp4, Gif };

// From the file name's extension: .mp4, .gif (any case).
[[nodiscard]] geo::Result<AnimationFormat> animation_format_for(const std::string& path);

struct AnimationOptions {
    double fps = 4;  // frames per second (time windows per second)
    // The H.264 encoder by FFmpeg's name; empty: libx264, else libopenh264, whichever this
    // FFmpeg has.
    std::string h264_encoder;
    int crf = 20;  // libx264's constant quality (lower is better; 18-23 looks the same on a map)
};

class AnimationWriter {
public:
    // Errors: the video module or FFmpeg's libraries missing (named by the loader, with what to
    // install), an encoder or filter this FFmpeg lacks (named, with what to install), a size of
    // zero, a file that cannot be created.
    [[nodiscard]] static geo::Result<std::unique_ptr<AnimationWriter>> open(const std::string& path, AnimationFormat format,
                                                                          int width, int height,
                                                                          const AnimationOptions& options = {});
    ~AnimationWriter();
    AnimationWriter(const AnimationWriter&) = delete;
    AnimationWriter& operator=(const AnimationWriter&) = delete;

    int width() const { return width_; }  // of the frames taken
    int height() const { return height_; }
    int encoded_width() const;  // of the video: even for MP4
    int encoded_height() const;
    int frames() const;  // added so far

    // The next frame: width() x height() RGBA.
    [[nodiscard]] geo::Result<bool> add_frame(const Image& frame);
    // Drains the encoder, writes the container's index and puts the file in place.
    [[nodiscard]] geo::Result<bool> finish();

private:
    struct Impl;
    AnimationWriter(std::unique_ptr<Impl> impl, int width, int height);
    std::unique_ptr<Impl> impl_;
    int width_, height_;
};

}  // namespace mirador
