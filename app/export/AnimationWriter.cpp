#include "export/AnimationWriter.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>

#include "export/FileExtension.hpp"
#include "mirador/geo/AtomicFile.hpp"

namespace mirador {

geo::Result<AnimationFormat> animation_format_for(const std::string& path) {
    const std::string ext = lower_extension(path);
    if (ext == "mp4") return AnimationFormat::Mp4;
    if (ext == "gif") return AnimationFormat::Gif;
    return geo::make_error(path + ": an animation is written as .mp4 or .gif (or a PNG sequence into a folder)");
}

namespace {

std::string av_error(int code) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buf, sizeof buf);
    return buf;
}

struct FormatFree {
    void operator()(AVFormatContext* f) const {
        if (f->pb) avio_closep(&f->pb);
        avformat_free_context(f);
    }
};
struct CodecFree {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameFree {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketFree {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsFree {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
struct GraphFree {
    void operator()(AVFilterGraph* g) const { avfilter_graph_free(&g); }
};
struct InOutFree {
    void operator()(AVFilterInOut* io) const { avfilter_inout_free(&io); }
};

std::string version_text() {
    const unsigned v = avcodec_version();
    return "libavcodec " + std::to_string(AV_VERSION_MAJOR(v)) + "." + std::to_string(AV_VERSION_MINOR(v)) + "." +
           std::to_string(AV_VERSION_MICRO(v));
}

// The H.264 encoder: the one asked for, or the first of libx264 and libopenh264 this FFmpeg has.
geo::Result<const AVCodec*> find_h264_encoder(const std::string& wanted) {
    if (!wanted.empty()) {
        const AVCodec* c = avcodec_find_encoder_by_name(wanted.c_str());
        if (!c) return geo::make_error("this FFmpeg (" + version_text() + ") has no encoder named '" + wanted + "'");
        if (c->id != AV_CODEC_ID_H264) return geo::make_error("FFmpeg's encoder '" + wanted + "' does not make H.264");
        return c;
    }
    for (const char* name : {"libx264", "libopenh264"})
        if (const AVCodec* c = avcodec_find_encoder_by_name(name)) return c;
    return geo::make_error("this FFmpeg (" + version_text() +
                           ") has no H.264 encoder (tried libx264 and libopenh264): install an FFmpeg built with "
                           "libx264 (Debian's libavcodec59 is), or export a GIF or a PNG sequence instead");
}

}  // namespace

struct AnimationWriter::Impl {
    geo::AtomicFile file;
    AnimationFormat format = AnimationFormat::Mp4;
    std::unique_ptr<AVFormatContext, FormatFree> mux;
    std::unique_ptr<AVCodecContext, CodecFree> encoder;
    AVStream* stream = nullptr;
    std::unique_ptr<AVFrame, FrameFree> input;    // the caller's pixels, as FFmpeg sees them (rgb0)
    std::unique_ptr<AVFrame, FrameFree> encoded;  // yuv420p (MP4) or pal8 from the filter graph (GIF)
    std::unique_ptr<AVPacket, PacketFree> packet;
    std::unique_ptr<SwsContext, SwsFree> to_yuv;  // MP4
    std::unique_ptr<AVFilterGraph, GraphFree> graph;  // GIF: palettegen + paletteuse, one palette a frame
    AVFilterContext* source = nullptr;
    AVFilterContext* sink = nullptr;
    std::int64_t ticks_per_frame = 1;  // in the encoder's time base
    int frames = 0;
    bool broken = false;

    explicit Impl(geo::AtomicFile f) : file(std::move(f)) {}

    geo::Error fail(const std::string& reason) {
        broken = true;
        mux.reset();  // closes FFmpeg's handle on the file
        if (!file.failed()) file.fail(reason);
        auto r = file.commit();  // refuses, and removes the temporary file
        return geo::make_error(r ? file.target() + ": " + reason : r.error());
    }

    // Sends a frame (or, with null, the end) to the encoder and writes every packet it has ready.
    geo::Result<bool> encode(const AVFrame* frame) {
        int err = avcodec_send_frame(encoder.get(), frame);
        if (err < 0) return fail("cannot encode frame " + std::to_string(frames + 1) + ": " + av_error(err));
        for (;;) {
            err = avcodec_receive_packet(encoder.get(), packet.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return true;
            if (err < 0) return fail("cannot encode: " + av_error(err));
            if (packet->duration == 0) packet->duration = ticks_per_frame;
            av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
            packet->stream_index = stream->index;
            err = av_interleaved_write_frame(mux.get(), packet.get());  // takes the packet's data
            if (err < 0) return fail("cannot write the video: " + av_error(err));
        }
    }

    // GIF: the frame through the palette filters, then each result to the encoder.
    geo::Result<bool> filter(AVFrame* frame) {
        int err = av_buffersrc_add_frame_flags(source, frame, AV_BUFFERSRC_FLAG_KEEP_REF);
        if (err < 0) return fail("cannot make the GIF's palette: " + av_error(err));
        for (;;) {
            av_frame_unref(encoded.get());
            err = av_buffersink_get_frame(sink, encoded.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return true;
            if (err < 0) return fail("cannot make the GIF's palette: " + av_error(err));
            if (auto ok = encode(encoded.get()); !ok) return ok;
        }
    }

    geo::Result<bool> open_gif_filters(int width, int height);
};

geo::Result<bool> AnimationWriter::Impl::open_gif_filters(int width, int height) {
    const AVFilter* buffer = avfilter_get_by_name("buffer");
    const AVFilter* buffersink = avfilter_get_by_name("buffersink");
    if (!buffer || !buffersink || !avfilter_get_by_name("palettegen") || !avfilter_get_by_name("paletteuse"))
        return fail("this FFmpeg's libavfilter lacks the palettegen and paletteuse filters a GIF needs");
    graph.reset(avfilter_graph_alloc());
    if (!graph) return fail("out of memory for the GIF's filters");
    const std::string args = "video_size=" + std::to_string(width) + "x" + std::to_string(height) +
                             ":pix_fmt=" + std::to_string(AV_PIX_FMT_RGB0) + ":time_base=" +
                             std::to_string(encoder->time_base.num) + "/" + std::to_string(encoder->time_base.den) +
                             ":pixel_aspect=1/1";
    int err = avfilter_graph_create_filter(&source, buffer, "in", args.c_str(), nullptr, graph.get());
    if (err >= 0) err = avfilter_graph_create_filter(&sink, buffersink, "out", nullptr, nullptr, graph.get());
    if (err >= 0) {
        const AVPixelFormat pal8[] = {AV_PIX_FMT_PAL8, AV_PIX_FMT_NONE};
        err = av_opt_set_int_list(sink, "pix_fmts", pal8, AV_PIX_FMT_NONE, AV_OPT_SEARCH_CHILDREN);
    }
    if (err < 0) return fail("cannot set up the GIF's filters: " + av_error(err));
    // A palette made for each frame from its own colours (stats_mode=single, new=1), so frames
    // stream through instead of waiting for the whole clip; a map's flat fills come out exact and
    // the heatmap's ramp dithered. No colour is kept for transparency: the frames are opaque.
    std::unique_ptr<AVFilterInOut, InOutFree> outputs(avfilter_inout_alloc()), inputs(avfilter_inout_alloc());
    if (!outputs || !inputs) return fail("out of memory for the GIF's filters");
    outputs->name = av_strdup("in");
    outputs->filter_ctx = source;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = sink;
    AVFilterInOut* in = inputs.release();
    AVFilterInOut* out = outputs.release();
    err = avfilter_graph_parse_ptr(graph.get(),
                                   "split[a][b];[a]palettegen=stats_mode=single:reserve_transparent=0[p];"
                                   "[b][p]paletteuse=new=1",
                                   &in, &out, nullptr);
    avfilter_inout_free(&in);
    avfilter_inout_free(&out);
    if (err >= 0) err = avfilter_graph_config(graph.get(), nullptr);
    if (err < 0) return fail("cannot set up the GIF's filters: " + av_error(err));
    return true;
}

AnimationWriter::AnimationWriter(std::unique_ptr<Impl> impl, int width, int height)
    : impl_(std::move(impl)), width_(width), height_(height) {}
AnimationWriter::~AnimationWriter() = default;

int AnimationWriter::encoded_width() const { return impl_->encoder->width; }
int AnimationWriter::encoded_height() const { return impl_->encoder->height; }
int AnimationWriter::frames() const { return impl_->frames; }

geo::Result<std::unique_ptr<AnimationWriter>> AnimationWriter::open(const std::string& path, AnimationFormat format, int width,
                                                                   int height, const AnimationOptions& options) {
    if (width <= 0 || height <= 0) return geo::make_error(path + ": cannot write an animation of empty frames");
    if (!(options.fps > 0) || options.fps > 120)
        return geo::make_error(path + ": frames per second must be above 0 and at most 120 (got " +
                               std::to_string(options.fps) + ")");
    // libx264 reports its settings and statistics at the info level on stderr; errors come back
    // to the caller here, so FFmpeg is told to print only its own errors (for the whole process:
    // nothing else in Mirador uses FFmpeg).
    static std::once_flag quiet;
    std::call_once(quiet, [] { av_log_set_level(AV_LOG_ERROR); });
    const bool mp4 = format == AnimationFormat::Mp4;
    const AVCodec* codec = nullptr;
    if (mp4) {
        auto found = find_h264_encoder(options.h264_encoder);
        if (!found) return geo::make_error(path + ": " + found.error());
        codec = *found;
    } else {
        codec = avcodec_find_encoder(AV_CODEC_ID_GIF);
        if (!codec) return geo::make_error(path + ": this FFmpeg (" + version_text() + ") has no GIF encoder");
    }
    const AVOutputFormat* container = av_guess_format(mp4 ? "mp4" : "gif", nullptr, nullptr);
    if (!container) return geo::make_error(path + ": this FFmpeg's libavformat cannot write " + (mp4 ? "MP4" : "GIF"));

    auto file = geo::AtomicFile::create(path);
    if (!file) return geo::make_error(file.error());
    auto impl = std::unique_ptr<Impl>(new Impl(std::move(file.value())));
    Impl& m = *impl;
    m.format = format;
    const std::string target = m.file.path();  // /proc/self/fd/N: no extension, hence the named container

    AVFormatContext* mux = nullptr;
    int err = avformat_alloc_output_context2(&mux, container, nullptr, target.c_str());
    if (err < 0 || !mux) return m.fail("cannot set up the " + std::string(mp4 ? "MP4" : "GIF") + " container: " + av_error(err));
    m.mux.reset(mux);
    m.stream = avformat_new_stream(mux, nullptr);
    m.encoder.reset(avcodec_alloc_context3(codec));
    m.packet.reset(av_packet_alloc());
    m.input.reset(av_frame_alloc());
    m.encoded.reset(av_frame_alloc());
    if (!m.stream || !m.encoder || !m.packet || !m.input || !m.encoded) return m.fail("out of memory for the encoder");

    AVCodecContext* enc = m.encoder.get();
    AVDictionary* codec_options = nullptr;
    if (mp4) {
        enc->width = width + (width & 1);  // padded, see the header
        enc->height = height + (height & 1);
        enc->pix_fmt = AV_PIX_FMT_YUV420P;
        const AVRational rate = av_d2q(options.fps, 100000);
        enc->framerate = rate;
        enc->time_base = av_inv_q(rate);
        m.ticks_per_frame = 1;
        // Say what the pixels are: BT.709 in limited range, as browsers and PowerPoint assume for
        // H.264 and as the conversion below makes them.
        enc->color_range = AVCOL_RANGE_MPEG;
        enc->colorspace = AVCOL_SPC_BT709;
        enc->color_primaries = AVCOL_PRI_BT709;
        enc->color_trc = AVCOL_TRC_BT709;
        enc->gop_size = std::max(1, static_cast<int>(std::lround(options.fps * 2)));  // a key frame every 2 s, to seek
        if (std::strcmp(codec->name, "libx264") == 0) {
            av_dict_set(&codec_options, "preset", "medium", 0);
            av_dict_set(&codec_options, "crf", std::to_string(options.crf).c_str(), 0);
        } else {
            enc->bit_rate = static_cast<std::int64_t>(enc->width) * enc->height * options.fps * 0.15;
        }
    } else {
        enc->width = width;
        enc->height = height;
        enc->pix_fmt = AV_PIX_FMT_PAL8;
        // GIF counts delays in hundredths of a second.
        enc->time_base = AVRational{1, 100};
        enc->framerate = av_d2q(options.fps, 100000);
        m.ticks_per_frame = std::max<std::int64_t>(1, std::llround(100 / options.fps));
    }
    if (mux->oformat->flags & AVFMT_GLOBALHEADER) enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    err = avcodec_open2(enc, codec, &codec_options);
    av_dict_free(&codec_options);
    if (err < 0) return m.fail(std::string("cannot start FFmpeg's ") + codec->name + " encoder: " + av_error(err));
    err = avcodec_parameters_from_context(m.stream->codecpar, enc);
    if (err < 0) return m.fail("cannot describe the video stream: " + av_error(err));
    m.stream->time_base = enc->time_base;
    m.stream->avg_frame_rate = enc->framerate;

    if (mp4) {
        m.to_yuv.reset(sws_getContext(enc->width, enc->height, AV_PIX_FMT_RGB0, enc->width, enc->height, AV_PIX_FMT_YUV420P,
                                      SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
        if (!m.to_yuv) return m.fail("cannot set up the colour conversion to yuv420p");
        // Full-range RGB in, BT.709 limited range out (matching the flags on the stream).
        sws_setColorspaceDetails(m.to_yuv.get(), sws_getCoefficients(SWS_CS_ITU709), 1, sws_getCoefficients(SWS_CS_ITU709),
                                 0, 0, 1 << 16, 1 << 16);
        m.encoded->format = AV_PIX_FMT_YUV420P;
        m.encoded->width = enc->width;
        m.encoded->height = enc->height;
        m.encoded->color_range = enc->color_range;
        m.encoded->colorspace = enc->colorspace;
        err = av_frame_get_buffer(m.encoded.get(), 0);
        if (err < 0) return m.fail("out of memory for a frame: " + av_error(err));
    } else if (auto ok = m.open_gif_filters(width, height); !ok) {
        return geo::make_error(ok.error());
    }
    m.input->format = AV_PIX_FMT_RGB0;
    m.input->width = enc->width;
    m.input->height = enc->height;
    err = av_frame_get_buffer(m.input.get(), 0);
    if (err < 0) return m.fail("out of memory for a frame: " + av_error(err));

    err = avio_open(&mux->pb, target.c_str(), AVIO_FLAG_WRITE);
    if (err < 0) return m.fail("cannot open the file for FFmpeg: " + av_error(err));
    AVDictionary* mux_options = nullptr;
    // The index (moov) at the front, so a browser starts playing before the whole file is in.
    if (mp4) av_dict_set(&mux_options, "movflags", "+faststart", 0);
    err = avformat_write_header(mux, &mux_options);
    av_dict_free(&mux_options);
    if (err < 0) return m.fail("cannot write the container's header: " + av_error(err));
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
    int err = av_frame_make_writable(m.input.get());
    if (err < 0) return m.fail("out of memory for a frame: " + av_error(err));
    // Copy the rows, repeating the last column and row into MP4's padding.
    AVFrame* in = m.input.get();
    const std::size_t row_bytes = static_cast<std::size_t>(width_) * 4;
    for (int y = 0; y < in->height; ++y) {
        std::uint8_t* dst = in->data[0] + static_cast<std::ptrdiff_t>(y) * in->linesize[0];
        std::memcpy(dst, frame.at(0, std::min(y, height_ - 1)), row_bytes);
        if (in->width > width_) std::memcpy(dst + row_bytes, dst + row_bytes - 4, 4);
    }
    const std::int64_t pts = static_cast<std::int64_t>(m.frames) * m.ticks_per_frame;
    if (m.format == AnimationFormat::Mp4) {
        err = av_frame_make_writable(m.encoded.get());
        if (err < 0) return m.fail("out of memory for a frame: " + av_error(err));
        sws_scale(m.to_yuv.get(), in->data, in->linesize, 0, in->height, m.encoded->data, m.encoded->linesize);
        m.encoded->pts = pts;
        if (auto ok = m.encode(m.encoded.get()); !ok) return ok;
    } else {
        in->pts = pts;
        if (auto ok = m.filter(in); !ok) return ok;
    }
    ++m.frames;
    return true;
}

geo::Result<bool> AnimationWriter::finish() {
    Impl& m = *impl_;
    if (m.broken) return geo::make_error(m.file.target() + ": the animation has already failed");
    if (m.frames == 0) return m.fail("an animation needs at least one frame");
    if (m.format == AnimationFormat::Gif)
        if (auto ok = m.filter(nullptr); !ok) return ok;  // the filters' last frames
    if (auto ok = m.encode(nullptr); !ok) return ok;       // the encoder's last packets
    int err = av_write_trailer(m.mux.get());
    if (err < 0) return m.fail("cannot finish the video: " + av_error(err));
    err = avio_closep(&m.mux->pb);
    if (err < 0) return m.fail("cannot close the video: " + av_error(err));
    m.broken = true;  // one commit only
    return m.file.commit();
}

}  // namespace mirador
