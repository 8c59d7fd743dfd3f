# `cmake --install build --prefix P` puts the program in P/bin and its assets in
# P/share/mirador/assets, where an installed mirador looks for them (app/platform/DataDirs.hpp);
# `cpack` (run in the build folder) makes mirador_<version>_<arch>.deb for /usr from the same rules.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION share/mirador/assets)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/mirador)
install(FILES ${PROJECT_SOURCE_DIR}/assets/README.md DESTINATION share/doc/mirador RENAME ATTRIBUTION.md)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mirador)
set(CPACK_PACKAGE_VENDOR "Mirador")
set(CPACK_PACKAGE_CONTACT "Mirador team")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "map viewer for studying violence in Mexico")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Native map viewer and command-line tools for analysts who study violence in Mexico.\n\
Draws Mexico's 32 states and 2,469 municipalities from INEGI data, overlays incident\n\
catalogues (points, choropleth, heatmap, time slider), geocodes places, counts incidents\n\
per municipality with rates per 100,000, writes kernel density GeoTIFFs and renders\n\
headless snapshots. Includes INEGI's boundaries, 2020 population and localities.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_STRIP_FILES ON)
# The libraries the program links (GDAL, PROJ, GEOS, GLFW, FFTW ...) are found by
# dpkg-shlibdeps, and so are FFmpeg's: cpack runs it on every ELF file of the package, the video
# module /usr/lib/mirador/mirador-video.so included, which links them (tests/package_deb.sh
# checks that Depends names libavcodec59 ... so they are not listed by hand). They stay Depends,
# not Recommends: the module is loaded only for MP4 and GIF, but it is part of the package and
# must load there. What it cannot see is loaded at run time: libGL/libEGL (glad and GLFW open
# them with dlopen), Mesa's drivers for rendering without a GPU (llvmpipe, EGL surfaceless:
# `mirador snapshot` on a server), and the fonts the labels and the UI are drawn with.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libgl1, libegl1, libgl1-mesa-dri, libegl-mesa0, fonts-dejavu-core")
include(CPack)
