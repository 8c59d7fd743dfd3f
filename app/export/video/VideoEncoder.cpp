// mirador-video.so: MP4 (H.264) and GIF encoding through FFmpeg's libraries, behind the C table
// of VideoModuleAbi.h. The only code in Mirador that calls FFmpeg; built as a module of its own
// so that the program loads FFmpeg's ~120 libraries only when a video is made
// (export/VideoModule.cpp). The file itself is the caller's (a geo::AtomicFile's /proc/self/fd/N
// path): the module writes to it and never names, commits or removes it.
//
// What the video holds (colours, padding, palettes, key frames) is described in
// export/AnimationWriter.hpp.
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
#include <memory>
#include <mutex>
#include <new>
#include <string>

#include "export/video/VideoModuleAbi.h"

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

// A failure's reason, carried to the caller's buffer by the C entry points.
struct Failure {
    std::string reason;
};

std::string version_text() {
    const unsigned v = avcodec_version();
    return "libavcodec " + std::to_string(AV_VERSION_MAJOR(v)) + "." + std::to_string(AV_VERSION_MINOR(v)) + "." +
           std::to_string(AV_VERSION_MICRO(v));
}

// The H.264 encoder: the one asked for, or the first of libx264 and libopenh264 this FFmpeg has.
const AVCodec* find_h264_encoder(const std::string& wanted) {
    if (!wanted.empty()) {
        const AVCodec* c = avcodec_find_encoder_by_name(wanted.c_str());
        if (!c) throw Failure{"this FFmpeg (" + version_text() + ") has no encoder named '" + wanted + "'"};
        if (c->id != AV_CODEC_ID_H264) throw Failure{"FFmpeg's encoder '" + wanted + "' does not make H.264"};
        return c;
    }
    for (const char* name : {"libx264", "libopenh264"})
        if (const AVCodec* c = avcodec_find_encoder_by_name(name)) return c;
    throw Failure{"this FFmpeg (" + version_text() +
                  ") has no H.264 encoder (tried libx264 and libopenh264): install an FFmpeg built with "
                  "libx264 (Debian's libavcodec59 is), or export a GIF or a PNG sequence instead"};
}

}  // namespace

struct MiradorVideo {
    MiradorVideoParams params{};
    std::string h264_encoder;  // params.h264_encoder's text, owned
    const AVCodec* codec = nullptr;
    const AVOutputFormat* container = nullptr;
    std::unique_ptr<AVFormatContext, FormatFree> mux;
    std::unique_ptr<AVCodecContext, CodecFree> encoder;
    AVStream* stream = nullptr;
    std::unique_ptr<AVFrame, FrameFree> input;    // the caller's pixels, as FFmpeg sees them (rgb0)
    std::unique_ptr<AVFrame, FrameFree> encoded;  // yuv420p (MP4) or pal8 from the filter graph (GIF)
    std::unique_ptr<AVPacket, PacketFree> packet;
    std::unique_ptr<SwsContext, SwsFree> to_yuv;      // MP4
    std::unique_ptr<AVFilterGraph, GraphFree> graph;  // GIF: palettegen + paletteuse, one palette a frame
    AVFilterContext* source = nullptr;
    AVFilterContext* sink = nullptr;
    std::int64_t ticks_per_frame = 1;  // in the encoder's time base
    int frames = 0;                    // sent to the encoder so far, for messages

    bool mp4() const { return !params.gif; }

    void prepare();
    void start(const char* path);
    void open_gif_filters();
    void add_frame(const std::uint8_t* rgba, int index);
    void finish(int frame_count);

    // Sends a frame (or, with null, the end) to the encoder and writes every packet it has ready.
    void encode(const AVFrame* frame) {
        int err = avcodec_send_frame(encoder.get(), frame);
        if (err < 0) throw Failure{"cannot encode frame " + std::to_string(frames + 1) + ": " + av_error(err)};
        for (;;) {
            err = avcodec_receive_packet(encoder.get(), packet.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
            if (err < 0) throw Failure{"cannot encode: " + av_error(err)};
            if (packet->duration == 0) packet->duration = ticks_per_frame;
            av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
            packet->stream_index = stream->index;
            err = av_interleaved_write_frame(mux.get(), packet.get());  // takes the packet's data
            if (err < 0) throw Failure{"cannot write the video: " + av_error(err)};
        }
    }

    // GIF: the frame through the palette filters, then each result to the encoder.
    void filter(AVFrame* frame) {
        int err = av_buffersrc_add_frame_flags(source, frame, AV_BUFFERSRC_FLAG_KEEP_REF);
        if (err < 0) throw Failure{"cannot make the GIF's palette: " + av_error(err)};
        for (;;) {
            av_frame_unref(encoded.get());
            err = av_buffersink_get_frame(sink, encoded.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
            if (err < 0) throw Failure{"cannot make the GIF's palette: " + av_error(err)};
            encode(encoded.get());
        }
    }
};

void MiradorVideo::prepare() {
    // libx264 reports its settings and statistics at the info level on stderr; errors come back
    // to the caller, so FFmpeg is told to print only its own errors (for the whole process:
    // nothing else in Mirador uses FFmpeg).
    static std::once_flag quiet;
    std::call_once(quiet, [] { av_log_set_level(AV_LOG_ERROR); });
    if (mp4()) {
        codec = find_h264_encoder(h264_encoder);
    } else {
        codec = avcodec_find_encoder(AV_CODEC_ID_GIF);
        if (!codec) throw Failure{"this FFmpeg (" + version_text() + ") has no GIF encoder"};
    }
    container = av_guess_format(mp4() ? "mp4" : "gif", nullptr, nullptr);
    if (!container) throw Failure{std::string("this FFmpeg's libavformat cannot write ") + (mp4() ? "MP4" : "GIF")};
}

void MiradorVideo::open_gif_filters() {
    const AVFilter* buffer = avfilter_get_by_name("buffer");
    const AVFilter* buffersink = avfilter_get_by_name("buffersink");
    if (!buffer || !buffersink || !avfilter_get_by_name("palettegen") || !avfilter_get_by_name("paletteuse"))
        throw Failure{"this FFmpeg's libavfilter lacks the palettegen and paletteuse filters a GIF needs"};
    graph.reset(avfilter_graph_alloc());
    if (!graph) throw Failure{"out of memory for the GIF's filters"};
    const std::string args = "video_size=" + std::to_string(params.width) + "x" + std::to_string(params.height) +
                             ":pix_fmt=" + std::to_string(AV_PIX_FMT_RGB0) + ":time_base=" +
                             std::to_string(encoder->time_base.num) + "/" + std::to_string(encoder->time_base.den) +
                             ":pixel_aspect=1/1";
    int err = avfilter_graph_create_filter(&source, buffer, "in", args.c_str(), nullptr, graph.get());
    if (err >= 0) err = avfilter_graph_create_filter(&sink, buffersink, "out", nullptr, nullptr, graph.get());
    if (err >= 0) {
        const AVPixelFormat pal8[] = {AV_PIX_FMT_PAL8, AV_PIX_FMT_NONE};
        err = av_opt_set_int_list(sink, "pix_fmts", pal8, AV_PIX_FMT_NONE, AV_OPT_SEARCH_CHILDREN);
    }
    if (err < 0) throw Failure{"cannot set up the GIF's filters: " + av_error(err)};
    // A palette made for each frame from its own colours (stats_mode=single, new=1), so frames
    // stream through instead of waiting for the whole clip; a map's flat fills come out exact and
    // the heatmap's ramp dithered. No colour is kept for transparency: the frames are opaque.
    std::unique_ptr<AVFilterInOut, InOutFree> outputs(avfilter_inout_alloc()), inputs(avfilter_inout_alloc());
    if (!outputs || !inputs) throw Failure{"out of memory for the GIF's filters"};
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
    if (err < 0) throw Failure{"cannot set up the GIF's filters: " + av_error(err)};
}

void MiradorVideo::start(const char* path) {
    const bool mp4 = this->mp4();
    AVFormatContext* muxer = nullptr;
    int err = avformat_alloc_output_context2(&muxer, container, nullptr, path);
    if (err < 0 || !muxer)
        throw Failure{"cannot set up the " + std::string(mp4 ? "MP4" : "GIF") + " container: " + av_error(err)};
    mux.reset(muxer);
    stream = avformat_new_stream(muxer, nullptr);
    encoder.reset(avcodec_alloc_context3(codec));
    packet.reset(av_packet_alloc());
    input.reset(av_frame_alloc());
    encoded.reset(av_frame_alloc());
    if (!stream || !encoder || !packet || !input || !encoded) throw Failure{"out of memory for the encoder"};

    AVCodecContext* enc = encoder.get();
    AVDictionary* codec_options = nullptr;
    if (mp4) {
        enc->width = params.width + (params.width & 1);  // padded, see AnimationWriter.hpp
        enc->height = params.height + (params.height & 1);
        enc->pix_fmt = AV_PIX_FMT_YUV420P;
        const AVRational rate = av_d2q(params.fps, 100000);
        enc->framerate = rate;
        enc->time_base = av_inv_q(rate);
        ticks_per_frame = 1;
        // Say what the pixels are: BT.709 in limited range, as browsers and PowerPoint assume for
        // H.264 and as the conversion below makes them.
        enc->color_range = AVCOL_RANGE_MPEG;
        enc->colorspace = AVCOL_SPC_BT709;
        enc->color_primaries = AVCOL_PRI_BT709;
        enc->color_trc = AVCOL_TRC_BT709;
        enc->gop_size = std::max(1, static_cast<int>(std::lround(params.fps * 2)));  // a key frame every 2 s, to seek
        if (std::strcmp(codec->name, "libx264") == 0) {
            av_dict_set(&codec_options, "preset", "medium", 0);
            av_dict_set(&codec_options, "crf", std::to_string(params.crf).c_str(), 0);
        } else {
            enc->bit_rate = static_cast<std::int64_t>(enc->width) * enc->height * params.fps * 0.15;
        }
    } else {
        enc->width = params.width;
        enc->height = params.height;
        enc->pix_fmt = AV_PIX_FMT_PAL8;
        // GIF counts delays in hundredths of a second.
        enc->time_base = AVRational{1, 100};
        enc->framerate = av_d2q(params.fps, 100000);
        ticks_per_frame = std::max<std::int64_t>(1, std::llround(100 / params.fps));
    }
    if (muxer->oformat->flags & AVFMT_GLOBALHEADER) enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    err = avcodec_open2(enc, codec, &codec_options);
    av_dict_free(&codec_options);
    if (err < 0) throw Failure{std::string("cannot start FFmpeg's ") + codec->name + " encoder: " + av_error(err)};
    err = avcodec_parameters_from_context(stream->codecpar, enc);
    if (err < 0) throw Failure{"cannot describe the video stream: " + av_error(err)};
    stream->time_base = enc->time_base;
    stream->avg_frame_rate = enc->framerate;

    if (mp4) {
        to_yuv.reset(sws_getContext(enc->width, enc->height, AV_PIX_FMT_RGB0, enc->width, enc->height, AV_PIX_FMT_YUV420P,
                                    SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
        if (!to_yuv) throw Failure{"cannot set up the colour conversion to yuv420p"};
        // Full-range RGB in, BT.709 limited range out (matching the flags on the stream).
        sws_setColorspaceDetails(to_yuv.get(), sws_getCoefficients(SWS_CS_ITU709), 1, sws_getCoefficients(SWS_CS_ITU709),
                                 0, 0, 1 << 16, 1 << 16);
        encoded->format = AV_PIX_FMT_YUV420P;
        encoded->width = enc->width;
        encoded->height = enc->height;
        encoded->color_range = enc->color_range;
        encoded->colorspace = enc->colorspace;
        err = av_frame_get_buffer(encoded.get(), 0);
        if (err < 0) throw Failure{"out of memory for a frame: " + av_error(err)};
    } else {
        open_gif_filters();
    }
    input->format = AV_PIX_FMT_RGB0;
    input->width = enc->width;
    input->height = enc->height;
    err = av_frame_get_buffer(input.get(), 0);
    if (err < 0) throw Failure{"out of memory for a frame: " + av_error(err)};

    err = avio_open(&muxer->pb, path, AVIO_FLAG_WRITE);
    if (err < 0) throw Failure{"cannot open the file for FFmpeg: " + av_error(err)};
    AVDictionary* mux_options = nullptr;
    // The index (moov) at the front, so a browser starts playing before the whole file is in.
    if (mp4) av_dict_set(&mux_options, "movflags", "+faststart", 0);
    err = avformat_write_header(muxer, &mux_options);
    av_dict_free(&mux_options);
    if (err < 0) throw Failure{"cannot write the container's header: " + av_error(err)};
}

void MiradorVideo::add_frame(const std::uint8_t* rgba, int index) {
    frames = index;
    int err = av_frame_make_writable(input.get());
    if (err < 0) throw Failure{"out of memory for a frame: " + av_error(err)};
    // Copy the rows, repeating the last column and row into MP4's padding.
    AVFrame* in = input.get();
    const std::size_t row_bytes = static_cast<std::size_t>(params.width) * 4;
    for (int y = 0; y < in->height; ++y) {
        std::uint8_t* dst = in->data[0] + static_cast<std::ptrdiff_t>(y) * in->linesize[0];
        std::memcpy(dst, rgba + static_cast<std::size_t>(std::min(y, params.height - 1)) * row_bytes, row_bytes);
        if (in->width > params.width) std::memcpy(dst + row_bytes, dst + row_bytes - 4, 4);
    }
    const std::int64_t pts = static_cast<std::int64_t>(index) * ticks_per_frame;
    if (mp4()) {
        err = av_frame_make_writable(encoded.get());
        if (err < 0) throw Failure{"out of memory for a frame: " + av_error(err)};
        sws_scale(to_yuv.get(), in->data, in->linesize, 0, in->height, encoded->data, encoded->linesize);
        encoded->pts = pts;
        encode(encoded.get());
    } else {
        in->pts = pts;
        filter(in);
    }
}

void MiradorVideo::finish(int frame_count) {
    frames = frame_count;
    if (!mp4()) filter(nullptr);  // the filters' last frames
    encode(nullptr);              // the encoder's last packets
    int err = av_write_trailer(mux.get());
    if (err < 0) throw Failure{"cannot finish the video: " + av_error(err)};
    err = avio_closep(&mux->pb);
    if (err < 0) throw Failure{"cannot close the video: " + av_error(err)};
}

namespace {

// Runs one step, turning its failure (or a C++ exception, which must not cross the C interface)
// into a nonzero return with the reason in the caller's buffer.
template <class Step>
int guarded(char* error, std::size_t error_size, Step&& step) {
    std::string reason;
    try {
        step();
        return 0;
    } catch (const Failure& f) {
        reason = f.reason;
    } catch (const std::bad_alloc&) {
        reason = "out of memory for the encoder";
    } catch (const std::exception& e) {
        reason = e.what();
    }
    if (error && error_size > 0) {
        const std::size_t n = std::min(reason.size(), error_size - 1);
        std::memcpy(error, reason.data(), n);
        error[n] = '\0';
    }
    return 1;
}

int video_prepare(const MiradorVideoParams* params, MiradorVideo** out, char* error, std::size_t error_size) {
    *out = nullptr;
    return guarded(error, error_size, [&] {
        auto video = std::make_unique<MiradorVideo>();
        video->params = *params;
        video->h264_encoder = params->h264_encoder ? params->h264_encoder : "";
        video->params.h264_encoder = nullptr;  // the caller's pointer is not kept
        video->prepare();
        *out = video.release();
    });
}

int video_start(MiradorVideo* video, const char* path, int* encoded_width, int* encoded_height, char* error,
                std::size_t error_size) {
    return guarded(error, error_size, [&] {
        video->start(path);
        *encoded_width = video->encoder->width;
        *encoded_height = video->encoder->height;
    });
}

int video_add_frame(MiradorVideo* video, const std::uint8_t* rgba, int index, char* error, std::size_t error_size) {
    return guarded(error, error_size, [&] { video->add_frame(rgba, index); });
}

int video_finish(MiradorVideo* video, int frame_count, char* error, std::size_t error_size) {
    return guarded(error, error_size, [&] { video->finish(frame_count); });
}

void video_close(MiradorVideo* video) { delete video; }

constexpr MiradorVideoModule kModule = {
    MIRADOR_VIDEO_ABI_VERSION, video_prepare, video_start, video_add_frame, video_finish, video_close,
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const MiradorVideoModule* mirador_video_module(void) {
    return &kModule;
}
