#include "export/PngWriter.hpp"

#include <spng.h>

#include <memory>
#include <vector>

#include "mirador/geo/AtomicFile.hpp"

namespace mirador {

namespace {

struct ContextFree {
    void operator()(spng_ctx* c) const { spng_ctx_free(c); }
};

int write_to_file(spng_ctx*, void* user, void* data, std::size_t length) {
    auto* file = static_cast<geo::AtomicFile*>(user);
    file->write(data, length);
    return file->failed() ? SPNG_IO_ERROR : 0;
}

}  // namespace

geo::Result<bool> write_png_rows(const std::string& path, int width, int height, bool opaque, const PngRowSource& row,
                                 const PngOptions& options) {
    if (width <= 0 || height <= 0) return geo::make_error(path + ": cannot write an empty image");
    auto file = geo::AtomicFile::create(path);
    if (!file) return geo::make_error(file.error());
    std::unique_ptr<spng_ctx, ContextFree> ctx(spng_ctx_new(SPNG_CTX_ENCODER));
    if (!ctx) return geo::make_error(path + ": out of memory for the PNG encoder");
    auto fail = [&](int err) -> geo::Result<bool> {
        if (!file->failed()) file->fail(std::string("cannot encode the PNG: ") + spng_strerror(err));
        auto r = file->commit();  // refuses, and removes the temporary file
        return geo::make_error(r ? path + ": cannot encode the PNG" : r.error());
    };
    int err = spng_set_png_stream(ctx.get(), write_to_file, &*file);
    spng_ihdr ihdr{};
    ihdr.width = static_cast<std::uint32_t>(width);
    ihdr.height = static_cast<std::uint32_t>(height);
    ihdr.bit_depth = 8;
    ihdr.color_type = opaque ? SPNG_COLOR_TYPE_TRUECOLOR : SPNG_COLOR_TYPE_TRUECOLOR_ALPHA;
    if (!err) err = spng_set_ihdr(ctx.get(), &ihdr);
    if (!err) err = spng_set_option(ctx.get(), SPNG_IMG_COMPRESSION_LEVEL, options.compression_level);
    if (!err && options.dpi > 0) {
        spng_phys phys{};
        phys.ppu_x = phys.ppu_y = static_cast<std::uint32_t>(options.dpi / 0.0254 + 0.5);
        phys.unit_specifier = 1;  // metre
        err = spng_set_phys(ctx.get(), &phys);
    }
    if (!err) err = spng_encode_image(ctx.get(), nullptr, 0, SPNG_FMT_PNG, SPNG_ENCODE_PROGRESSIVE | SPNG_ENCODE_FINALIZE);
    if (err) return fail(err);
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(width) * 4);
    std::vector<std::uint8_t> packed(static_cast<std::size_t>(width) * (opaque ? 3 : 4));
    for (int y = 0; y < height; ++y) {
        row(y, rgba.data());
        if (opaque)
            for (int x = 0; x < width; ++x)
                for (int c = 0; c < 3; ++c) packed[static_cast<std::size_t>(x) * 3 + c] = rgba[static_cast<std::size_t>(x) * 4 + c];
        else
            packed = rgba;
        err = spng_encode_row(ctx.get(), packed.data(), packed.size());
        if (err == SPNG_EOI) break;
        if (err) return fail(err);
    }
    if (err != SPNG_EOI) return fail(err ? err : SPNG_EOI);
    return file->commit();
}

geo::Result<bool> write_png(const std::string& path, const Image& img, const PngOptions& options) {
    if (img.rgba.size() != static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4)
        return geo::make_error(path + ": image buffer does not match its size");
    bool opaque = true;
    for (std::size_t i = 3; i < img.rgba.size() && opaque; i += 4) opaque = img.rgba[i] == 255;
    const std::size_t stride = static_cast<std::size_t>(img.width) * 4;
    return write_png_rows(
        path, img.width, img.height, opaque,
        [&](int y, std::uint8_t* out) {
            std::copy_n(img.rgba.data() + static_cast<std::size_t>(y) * stride, stride, out);
        },
        options);
}

}  // namespace mirador
