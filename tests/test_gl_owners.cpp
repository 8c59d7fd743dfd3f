// OpenGL in one place (issue 11, item 5): the owners free what they made (a live-object counter
// per kind, and OpenGL's own word that a name is gone), a shader that does not compile or link
// is an error that names it and leaves nothing behind, an incomplete framebuffer is refused,
// and every pass leaves the context's state as it found it.
#include <catch2/catch.hpp>

#include <array>
#include <string>

#include "HeadlessRender.hpp"
#include "SyntheticIncidents.hpp"
#include "TestData.hpp"
#include "platform/GlContext.hpp"
#include "render/BordersPass.hpp"
#include "render/EmbeddedShaders.hpp"
#include "render/FillPass.hpp"
#include "render/GpuDensity.hpp"
#include "render/HeatmapPass.hpp"
#include "render/HighlightPass.hpp"
#include "render/PointsPass.hpp"
#include "render/Renderer.hpp"
#include "render/gl/Framebuffer.hpp"
#include "render/gl/StateGuard.hpp"
#include "scene/MapScene.hpp"

using namespace mirador;

namespace {

using Counts = std::array<long, gl::kKindCount>;

Counts live() {
    Counts c{};
    for (int k = 0; k < gl::kKindCount; ++k) c[static_cast<std::size_t>(k)] = gl::live_count(static_cast<gl::Kind>(k));
    return c;
}

long of(const Counts& c, gl::Kind k) { return c[static_cast<std::size_t>(k)]; }

std::string describe(const Counts& c) {
    std::string s;
    for (int k = 0; k < gl::kKindCount; ++k)
        s += std::string(gl::to_string(static_cast<gl::Kind>(k))) + " " + std::to_string(c[static_cast<std::size_t>(k)]) + "; ";
    return s;
}

test::SyntheticIncidents& incidents() {
    static test::SyntheticIncidents s = test::synthetic_incidents(20000);
    return s;
}

}  // namespace

TEST_CASE("GL owners: a scene's objects are all gone with it", "[gl][render]") {
    const auto ctx = test::headless_context(320, 240);
    const Counts before = live();
    GLuint a_program = 0;
    {
        auto scene = MapScene::create(test::default_boundaries());
        REQUIRE(scene);
        (*scene)->set_incidents(incidents().layer.get());
        SceneParams p = test::culiacan_view(320, 240, 400);
        p.frame.hovered = 10;
        p.frame.selected = 11;
        (*scene)->draw(p, nullptr, FontSet{});
        p.heatmap.gpu = true;  // GpuDensity too: its programs, targets and framebuffers
        (*scene)->draw(p, nullptr, FontSet{});
        REQUIRE((*scene)->heatmap().engine_note().empty());
        const Counts during = live();
        INFO("before: " << describe(before) << " during: " << describe(during));
        // fill, line, thinline, stroke_composite, heatmap, points, bins, density_bin, density_conv
        CHECK(of(during, gl::Kind::Program) == of(before, gl::Kind::Program) + 9);
        CHECK(of(during, gl::Kind::Shader) == of(before, gl::Kind::Shader));  // freed once linked
        CHECK(of(during, gl::Kind::Buffer) > of(before, gl::Kind::Buffer));
        CHECK(of(during, gl::Kind::VertexArray) > of(before, gl::Kind::VertexArray));
        CHECK(of(during, gl::Kind::Texture) > of(before, gl::Kind::Texture));
        CHECK(of(during, gl::Kind::Framebuffer) == of(before, gl::Kind::Framebuffer) + 2);
        auto probe = gl::ShaderProgram::build("fill", shaders::fill_vert, shaders::fill_frag);
        REQUIRE(probe);
        a_program = probe->id();
        CHECK(glIsProgram(a_program) == GL_TRUE);
    }
    INFO("after: " << describe(live()));
    CHECK(live() == before);
    CHECK(glIsProgram(a_program) == GL_FALSE);  // OpenGL agrees it is gone, not only the counter
}

TEST_CASE("GL owners: shaders that do not compile or link are errors that name them and leave nothing", "[gl][render]") {
    const auto ctx = test::headless_context();
    const Counts before = live();
    const char* vs_ok = "#version 330 core\nvoid main() { gl_Position = vec4(0.0, 0.0, 0.0, 1.0); }\n";
    const char* fs_ok = "#version 330 core\nout vec4 o;\nvoid main() { o = vec4(1.0); }\n";
    auto broken = gl::ShaderProgram::build("broken", "#version 330 core\nvoid main() { gl_Position = vec4(0.0); \n", fs_ok);
    REQUIRE_FALSE(broken);
    CHECK(broken.error().find("broken.vert does not compile") != std::string::npos);
    auto broken_fs = gl::ShaderProgram::build("brokenfrag", vs_ok, "#version 330 core\nvoid main() { nope(); }\n");
    REQUIRE_FALSE(broken_fs);
    CHECK(broken_fs.error().find("brokenfrag.frag does not compile") != std::string::npos);
    // Compiles alone, but the fragment stage has no main().
    auto unlinked = gl::ShaderProgram::build("unlinked", vs_ok,
                                             "#version 330 core\nout vec4 o;\nvoid helper() { o = vec4(1.0); }\n");
    REQUIRE_FALSE(unlinked);
    CHECK(unlinked.error().find("shader program unlinked does not link") != std::string::npos);
    INFO("before: " << describe(before) << " after: " << describe(live()));
    CHECK(live() == before);

    auto points = gl::ShaderProgram::build("points", shaders::points_vert, shaders::points_frag);
    REQUIRE(points);
    CHECK(points->location("u_category_colors") >= 0);  // an array answers to its bare name
    CHECK(points->location("u_center") >= 0);
    CHECK(points->location("u_no_such_uniform") == -1);
}

TEST_CASE("GL owners: an incomplete framebuffer is refused with its status", "[gl][render]") {
    const auto ctx = test::headless_context();
    const Counts before = live();
    {
        gl::Texture no_storage = gl::Texture::create();
        glBindTexture(GL_TEXTURE_2D, no_storage.id());  // a texture, but no image in it
        auto f = gl::framebuffer_with(no_storage);
        REQUIRE_FALSE(f);
        CHECK(f.error().find("not complete") != std::string::npos);
        CHECK(f.error().find("incomplete attachment") != std::string::npos);
    }
    CHECK(live() == before);
    CHECK_FALSE(ctx->set_frame_size(0, 10));
    REQUIRE(ctx->set_frame_size(16, 16));
}

TEST_CASE("every pass leaves the OpenGL state as it found it", "[gl][render]") {
    const auto ctx = test::headless_context(400, 300);
    const geo::Boundaries& b = test::default_boundaries();
    IncidentLayer& layer = *incidents().layer;

    BoundaryGeometry geometry;
    geometry.upload(b);
    auto stroke = SegmentStroke::create();
    auto fill = FillPass::create();
    REQUIRE(stroke);
    REQUIRE(fill);
    auto borders = BordersPass::create(*stroke);
    auto heat = HeatmapPass::create();
    auto points = PointsPass::create();
    REQUIRE(borders);
    REQUIRE(heat);
    REQUIRE(points);
    HighlightPass highlight(*stroke);
    highlight.set_boundaries(b, geometry.origin());
    fill->set_colors(std::vector<std::uint32_t>(b.municipalities.feature_count(), 0xff8080ffu));
    points->upload(layer.store, layer.display_xy, {}, geometry.origin());
    geo::DensityGrid density;
    density.spec.nx = density.spec.ny = 8;
    density.values.assign(64, 1.0f);
    heat->set_mesh(1, 1, {{-1e5, -1e5}, {1e5, -1e5}, {-1e5, 1e5}, {1e5, 1e5}});
    heat->set_density(density);

    // State no pass would leave behind by chance: blending off with odd factors, another
    // viewport, texture unit 1 active, a vertex array and a program of the caller's bound.
    auto caller = gl::ShaderProgram::build("fill", shaders::fill_vert, shaders::fill_frag);
    REQUIRE(caller);
    gl::VertexArray callers_vao = gl::VertexArray::create();
    caller->use();
    glBindVertexArray(callers_vao.id());
    glDisable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ZERO);
    glViewport(3, 5, 70, 90);
    glClearColor(0.1f, 0.2f, 0.3f, 0.4f);
    glActiveTexture(GL_TEXTURE1);
    glEnable(GL_PROGRAM_POINT_SIZE);

    for (const double mpp : {400.0, 4000.0, 40.0}) {  // bins, bins of more, discs
        SceneParams p = test::culiacan_view(400, 300, 400);
        p.frame.view.metres_per_pixel = mpp;
        p.frame.hovered = b.municipalities.find_code("25006");
        p.frame.selected = b.municipalities.find_code("25012");
        p.frame.hovered_incident = 5;
        p.frame.heatmap = {true, 0.8f, 0.0f, 1.0f, 0.01f};
        DrawStats stats;
        std::vector<FeatureRun> runs;
        geometry.visible_runs(p.frame.view, runs);
        const int li = geometry.level_for(mpp);
        const geo::Vec2 o = geometry.origin();
        const MapView& v = p.frame.view;
        const PassContext c{p.frame,
                            float(v.center.x - o.x),
                            float(v.center.y - o.y),
                            float(2.0 / (v.metres_per_pixel * v.width)),
                            float(2.0 / (v.metres_per_pixel * v.height)),
                            geometry.level(li),
                            runs,
                            stats,
                            geometry.feature_bboxes()};
        RenderPass* passes[] = {&*fill, &*heat, &*borders, &*points, &highlight};
        const char* names[] = {"fill", "heatmap", "borders", "points", "highlight"};
        for (std::size_t i = 0; i < 5; ++i) {
            INFO(names[i] << " at " << mpp << " m/px");
            const gl::StateGuard before;
            passes[i]->draw(c);
            const gl::StateGuard after;
            CHECK(before == after);
            CHECK(glGetError() == GL_NO_ERROR);
        }
        INFO("points at " << mpp << " m/px: " << (points->shown().aggregated ? "bins" : "discs"));
        CHECK(stats.triangles > 0);
    }
    CHECK(points->shown().aggregated == false);  // 40 m/px: a few hundred discs

    auto gpu = GpuDensity::create();
    REQUIRE(gpu);
    auto pts = geo::make_density_points(layer.store, geo::DensityWeight::Count);
    REQUIRE(pts);
    const auto extent = geo::placed_extent(*pts);
    REQUIRE(extent);
    const gl::StateGuard before;
    REQUIRE((*gpu)->configure(*pts, geo::display_grid_for(extent->first, extent->second, 25000), {}));
    (*gpu)->compute({INT32_MIN / 2, INT32_MAX / 2});
    CHECK((*gpu)->read_back().max_value() > 0);
    const gl::StateGuard after;
    CHECK(before == after);
}
