#include "export/JpegWriter.hpp"

// jpeglib.h needs size_t and FILE declared first.
#include <cstddef>
#include <cstdio>

#include <jpeglib.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <vector>

#include "mirador/geo/AtomicFile.hpp"

namespace mirador {

namespace {

// libjpeg reports an error by calling error_exit, which must not return: ours keeps the message
// and jumps back to guarded() below.
struct ErrorManager {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void error_exit(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

void no_output_message(j_common_ptr) {}  // warnings are not printed; errors come back through error_exit

constexpr std::size_t kOutputBuffer = 1 << 16;

}  // namespace

struct JpegRowWriter::Impl {
    geo::AtomicFile file;
    jpeg_compress_struct cinfo{};
    ErrorManager err{};
    jpeg_destination_mgr dest{};
    std::vector<JOCTET> buffer = std::vector<JOCTET>(kOutputBuffer);
    bool created = false;
    bool broken = false;
    int rows_written = 0;

    explicit Impl(geo::AtomicFile f) : file(std::move(f)) {}
    ~Impl() {
        if (created) jpeg_destroy_compress(&cinfo);
    }

    // Runs libjpeg calls; false (with err.message) when libjpeg reported an error. Only libjpeg's
    // C frames and the call's own lambda, which holds nothing to destroy, lie between the setjmp
    // and the longjmp.
    template <class Call>
    bool guarded(Call&& call) {
        if (setjmp(err.jump)) return false;
        call();
        return true;
    }

    geo::Error fail(const std::string& reason) {
        broken = true;
        if (!file.failed()) file.fail(reason);
        auto r = file.commit();  // refuses, and removes the temporary file
        return geo::make_error(r ? file.target() + ": " + reason : r.error());
    }

    // The destination manager: libjpeg's output goes through the AtomicFile.
    static Impl& of(j_compress_ptr c) { return *static_cast<Impl*>(c->client_data); }
    static void init_destination(j_compress_ptr c) {
        Impl& m = of(c);
        m.dest.next_output_byte = m.buffer.data();
        m.dest.free_in_buffer = m.buffer.size();
    }
    static boolean empty_output_buffer(j_compress_ptr c) {
        Impl& m = of(c);
        m.file.write(m.buffer.data(), m.buffer.size());  // a failure is kept and seen after the row
        init_destination(c);
        return TRUE;
    }
    static void term_destination(j_compress_ptr c) {
        Impl& m = of(c);
        m.file.write(m.buffer.data(), m.buffer.size() - m.dest.free_in_buffer);
    }
};

JpegRowWriter::JpegRowWriter(std::unique_ptr<Impl> impl, int width, int height)
    : impl_(std::move(impl)), width_(width), height_(height) {}
JpegRowWriter::~JpegRowWriter() = default;

geo::Result<std::unique_ptr<JpegRowWriter>> JpegRowWriter::open(const std::string& path, int width, int height,
                                                               const JpegOptions& options) {
    if (width <= 0 || height <= 0) return geo::make_error(path + ": cannot write an empty image");
    if (width > kMaxSide || height > kMaxSide)
        return geo::make_error(path + ": " + std::to_string(width) + " x " + std::to_string(height) +
                               " pixels is beyond JPEG's limit of 65500 pixels a side; use PNG or GeoTIFF");
    auto file = geo::AtomicFile::create(path);
    if (!file) return geo::make_error(file.error());
    auto impl = std::unique_ptr<Impl>(new Impl(std::move(file.value())));
    Impl& m = *impl;
    m.cinfo.err = jpeg_std_error(&m.err.pub);
    m.err.pub.error_exit = error_exit;
    m.err.pub.output_message = no_output_message;
    m.cinfo.client_data = &m;
    m.dest.init_destination = Impl::init_destination;
    m.dest.empty_output_buffer = Impl::empty_output_buffer;
    m.dest.term_destination = Impl::term_destination;
    const int quality = std::clamp(options.quality, 1, 100);
    const bool ok = m.guarded([&] {
        jpeg_create_compress(&m.cinfo);
        m.created = true;
        m.cinfo.dest = &m.dest;
        m.cinfo.image_width = static_cast<JDIMENSION>(width);
        m.cinfo.image_height = static_cast<JDIMENSION>(height);
        m.cinfo.input_components = 4;
        m.cinfo.in_color_space = JCS_EXT_RGBA;  // libjpeg-turbo reads RGBA rows and skips alpha
        jpeg_set_defaults(&m.cinfo);
        jpeg_set_quality(&m.cinfo, quality, TRUE);
        // No chroma subsampling (4:4:4): maps are thin coloured lines and small text, which 4:2:0
        // smears into their neighbours; the file is about a third larger.
        for (int c = 0; c < m.cinfo.num_components; ++c)
            m.cinfo.comp_info[c].h_samp_factor = m.cinfo.comp_info[c].v_samp_factor = 1;
        if (options.dpi > 0) {
            m.cinfo.write_JFIF_header = TRUE;
            m.cinfo.density_unit = 1;  // dots per inch
            m.cinfo.X_density = m.cinfo.Y_density =
                static_cast<UINT16>(std::clamp(std::lround(options.dpi), 1L, 65535L));
        }
        jpeg_start_compress(&m.cinfo, TRUE);
    });
    if (!ok) return m.fail(std::string("cannot start the JPEG: ") + m.err.message);
    return std::unique_ptr<JpegRowWriter>(new JpegRowWriter(std::move(impl), width, height));
}

geo::Result<bool> JpegRowWriter::write_row(const std::uint8_t* rgba) {
    Impl& m = *impl_;
    if (m.broken) return geo::make_error(m.file.target() + ": the JPEG has already failed");
    if (m.rows_written >= height_) return geo::make_error(m.file.target() + ": more rows than the image's height");
    JSAMPROW row = const_cast<JSAMPROW>(rgba);  // libjpeg's API is not const-correct; it only reads
    if (!m.guarded([&] { jpeg_write_scanlines(&m.cinfo, &row, 1); }))
        return m.fail(std::string("cannot encode the JPEG: ") + m.err.message);
    ++m.rows_written;
    if (m.file.failed()) return m.fail(m.file.error());
    return true;
}

geo::Result<bool> JpegRowWriter::finish() {
    Impl& m = *impl_;
    if (m.broken) return geo::make_error(m.file.target() + ": the JPEG has already failed");
    if (m.rows_written != height_)
        return m.fail("only " + std::to_string(m.rows_written) + " of " + std::to_string(height_) + " rows were written");
    if (!m.guarded([&] { jpeg_finish_compress(&m.cinfo); }))
        return m.fail(std::string("cannot finish the JPEG: ") + m.err.message);
    m.broken = true;  // one commit only
    return m.file.commit();
}

}  // namespace mirador
