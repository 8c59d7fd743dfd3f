// Animations read back through libavformat/libavcodec as a player would: frame count, duration,
// yuv420p at an even size, colours that survive the trip, GIF frame count; a missing encoder is
// a clear message; a PNG sequence is numbered files.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "TestData.hpp"
#include "export/AnimationWriter.hpp"
#include "export/PngSequenceWriter.hpp"

using namespace mirador;
namespace fs = std::filesystem;

namespace {

// Frame i: a flat map colour with a bar that moves and changes colour with i, so frames differ
// and so do their palettes.
Image frame(int width, int height, int i) {
    Image img{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 4)};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = img.rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
            const bool bar = std::abs(x - (i * 7) % width) < 4;
            p[0] = bar ? static_cast<std::uint8_t>(20 + 25 * i) : 200;  // a new colour each frame
            p[1] = bar ? 20 : 60;
            p[2] = bar ? static_cast<std::uint8_t>(220 - 20 * i) : 40;
            p[3] = 255;
        }
    return img;
}

struct Probe {
    std::string codec;
    int width = 0, height = 0;
    int pixel_format = -1;
    int color_space = -1;
    int packets = 0;
    double duration_s = 0;
    std::vector<std::vector<std::uint8_t>> frames;  // every frame decoded, as RGB24 rows
};

// Reads the file back as a player would: counts its packets, and decodes every frame back to RGB
// with the colour matrix and range the stream declares.
Probe probe(const std::string& path) {
    Probe p;
    AVFormatContext* fmt = nullptr;
    REQUIRE(avformat_open_input(&fmt, path.c_str(), nullptr, nullptr) == 0);
    REQUIRE(avformat_find_stream_info(fmt, nullptr) >= 0);
    REQUIRE(fmt->nb_streams == 1);
    const AVCodecParameters* par = fmt->streams[0]->codecpar;
    p.codec = avcodec_get_name(par->codec_id);
    p.width = par->width;
    p.height = par->height;
    p.pixel_format = par->format;
    p.color_space = par->color_space;
    p.duration_s = fmt->duration > 0 ? fmt->duration / double(AV_TIME_BASE) : 0;

    const AVCodec* codec = avcodec_find_decoder(par->codec_id);
    REQUIRE(codec);
    AVCodecContext* dec = avcodec_alloc_context3(codec);
    REQUIRE(avcodec_parameters_to_context(dec, par) >= 0);
    REQUIRE(avcodec_open2(dec, codec, nullptr) == 0);
    AVPacket* pkt = av_packet_alloc();
    AVFrame* frm = av_frame_alloc();
    auto take = [&] {
        while (avcodec_receive_frame(dec, frm) == 0) {
            SwsContext* sws = sws_getContext(frm->width, frm->height, static_cast<AVPixelFormat>(frm->format), frm->width,
                                             frm->height, AV_PIX_FMT_RGB24, SWS_POINT, nullptr, nullptr, nullptr);
            REQUIRE(sws);
            if (frm->format == AV_PIX_FMT_YUV420P)
                sws_setColorspaceDetails(sws, sws_getCoefficients(p.color_space == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT),
                                         frm->color_range == AVCOL_RANGE_JPEG, sws_getCoefficients(SWS_CS_DEFAULT), 1, 0,
                                         1 << 16, 1 << 16);
            std::vector<std::uint8_t> rgb(static_cast<std::size_t>(frm->width) * frm->height * 3);
            std::uint8_t* dst[1] = {rgb.data()};
            int dst_stride[1] = {frm->width * 3};
            sws_scale(sws, frm->data, frm->linesize, 0, frm->height, dst, dst_stride);
            sws_freeContext(sws);
            p.frames.push_back(std::move(rgb));
        }
    };
    while (av_read_frame(fmt, pkt) >= 0) {
        ++p.packets;
        if (avcodec_send_packet(dec, pkt) >= 0) take();
        av_packet_unref(pkt);
    }
    if (avcodec_send_packet(dec, nullptr) >= 0) take();
    av_frame_free(&frm);
    av_packet_free(&pkt);
    avcodec_free_context(&dec);
    avformat_close_input(&fmt);
    return p;
}

// Mean absolute difference per channel between a decoded frame (of `decoded_width` columns) and
// the source frame it came from (`source.width` columns, fewer when padded).
double mean_error(const std::vector<std::uint8_t>& rgb, int decoded_width, const Image& source) {
    double total = 0;
    for (int y = 0; y < source.height; ++y)
        for (int x = 0; x < source.width; ++x)
            for (int c = 0; c < 3; ++c)
                total += std::abs(int(rgb[(static_cast<std::size_t>(y) * decoded_width + x) * 3 + c]) - int(source.at(x, y)[c]));
    return total / (source.width * source.height * 3.0);
}

geo::Result<bool> write_clip(const std::string& path, AnimationFormat format, int width, int height, int frames,
                             const AnimationOptions& options = {}) {
    auto writer = AnimationWriter::open(path, format, width, height, options);
    if (!writer) return geo::make_error(writer.error());
    for (int i = 0; i < frames; ++i)
        if (auto ok = (*writer)->add_frame(frame(width, height, i)); !ok) return ok;
    return (*writer)->finish();
}

}  // namespace

TEST_CASE("an MP4 is H.264 yuv420p at an even size with every frame and the right duration", "[export][animation]") {
    const std::string dir = test::temp_dir("animation-mp4");
    const std::string path = dir + "/clip.mp4";
    // An odd size: padded to 162 x 90 (the header says pad, never crop).
    AnimationOptions options;
    options.fps = 4;
    auto writer = AnimationWriter::open(path, AnimationFormat::Mp4, 161, 89, options);
    REQUIRE(writer);
    CHECK((*writer)->encoded_width() == 162);
    CHECK((*writer)->encoded_height() == 90);
    for (int i = 0; i < 10; ++i) REQUIRE((*writer)->add_frame(frame(161, 89, i)));
    CHECK((*writer)->frames() == 10);
    REQUIRE((*writer)->finish());

    const Probe p = probe(path);
    CHECK(p.codec == "h264");
    CHECK(p.pixel_format == AV_PIX_FMT_YUV420P);
    CHECK(p.width == 162);
    CHECK(p.height == 90);
    CHECK(p.color_space == AVCOL_SPC_BT709);
    CHECK(p.packets == 10);
    CHECK(p.duration_s == Approx(2.5).margin(0.01));  // 10 frames at 4 per second
    // Every frame comes back, in order, its colours within H.264's loss (a wrong colour matrix
    // or range would shift the map colour (200, 60, 40) by tens of levels).
    REQUIRE(p.frames.size() == 10);
    for (int i = 0; i < 10; ++i) {
        INFO("frame " << i);
        CHECK(mean_error(p.frames[i], p.width, frame(161, 89, i)) < 3);
    }
}

TEST_CASE("a GIF holds every frame", "[export][animation]") {
    const std::string dir = test::temp_dir("animation-gif");
    const std::string path = dir + "/clip.gif";
    AnimationOptions options;
    options.fps = 5;
    REQUIRE(write_clip(path, AnimationFormat::Gif, 120, 81, 7, options));
    const Probe p = probe(path);
    CHECK(p.codec == "gif");
    CHECK(p.width == 120);
    CHECK(p.height == 81);
    CHECK(p.packets == 7);
    CHECK(p.duration_s == Approx(7 / 5.0).margin(0.02));
    // Two flat colours a frame each have their own palette entries: every frame exact, also where
    // the encoder keeps only what changed since the frame before.
    REQUIRE(p.frames.size() == 7);
    for (int i = 0; i < 7; ++i) {
        INFO("frame " << i);
        CHECK(mean_error(p.frames[i], p.width, frame(120, 81, i)) == 0);
    }
}

TEST_CASE("a missing H.264 encoder is a clear message and leaves no file", "[export][animation]") {
    const std::string dir = test::temp_dir("animation-missing");
    AnimationOptions options;
    options.h264_encoder = "mirador-no-such-encoder";
    auto writer = AnimationWriter::open(dir + "/clip.mp4", AnimationFormat::Mp4, 64, 64, options);
    REQUIRE_FALSE(writer);
    CHECK(writer.error().find("clip.mp4") != std::string::npos);
    CHECK(writer.error().find("no encoder named 'mirador-no-such-encoder'") != std::string::npos);
    CHECK(writer.error().find("libavcodec") != std::string::npos);
    options.h264_encoder = "gif";  // exists, but is not H.264
    auto wrong = AnimationWriter::open(dir + "/clip.mp4", AnimationFormat::Mp4, 64, 64, options);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().find("does not make H.264") != std::string::npos);
    CHECK(fs::is_empty(dir));
    // Bad settings and bad frames are named too.
    AnimationOptions zero_fps;
    zero_fps.fps = 0;
    CHECK_FALSE(AnimationWriter::open(dir + "/clip.gif", AnimationFormat::Gif, 64, 64, zero_fps));
    CHECK_FALSE(animation_format_for("clip.avi"));
    CHECK(animation_format_for("CLIP.MP4").value() == AnimationFormat::Mp4);
    auto gif = AnimationWriter::open(dir + "/clip.gif", AnimationFormat::Gif, 64, 64);
    REQUIRE(gif);
    auto bad = (*gif)->add_frame(frame(32, 32, 0));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().find("frame 1 is 32 x 32") != std::string::npos);
    gif->reset();
    CHECK(fs::is_empty(dir));
}

TEST_CASE("a PNG sequence is numbered files in a folder", "[export][animation]") {
    const std::string dir = test::temp_dir("animation-png") + "/frames";
    auto seq = PngSequenceWriter::open(dir, "violence");
    REQUIRE(seq);
    for (int i = 0; i < 3; ++i) {
        auto written = seq->add_frame(frame(40, 30, i));
        REQUIRE(written);
        CHECK(*written == seq->path_of(i));
    }
    CHECK(seq->frames() == 3);
    CHECK(fs::exists(dir + "/violence-00001.png"));
    CHECK(fs::exists(dir + "/violence-00003.png"));
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 3);
    CHECK_FALSE(PngSequenceWriter::open(dir + "/violence-00001.png"));  // a file, not a folder
}

TEST_CASE("a discarded PNG sequence removes its frames and the folder it made but nothing else", "[export][animation]") {
    const std::string base = test::temp_dir("animation-png-discard");
    // A folder the sequence made: it goes with the frames.
    auto made = PngSequenceWriter::open(base + "/new");
    REQUIRE(made);
    for (int i = 0; i < 2; ++i) REQUIRE(made->add_frame(frame(20, 10, i)));
    made->discard();
    CHECK(made->frames() == 0);
    CHECK_FALSE(fs::exists(base + "/new"));
    // A folder that was there: it stays, with what the analyst had put in it.
    fs::create_directories(base + "/old");
    std::ofstream(base + "/old/notes.txt") << "kept";
    auto kept = PngSequenceWriter::open(base + "/old");
    REQUIRE(kept);
    REQUIRE(kept->add_frame(frame(20, 10, 0)));
    kept->discard();
    CHECK(fs::exists(base + "/old/notes.txt"));
    CHECK(std::distance(fs::directory_iterator(base + "/old"), fs::directory_iterator()) == 1);
}
