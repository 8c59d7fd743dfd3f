#pragma once
// The size part of the window's export dialogs (File > Export, Export animation, Export all
// slides): a preset, the paper's DPI and orientation, or a custom size, and the size it makes or
// why it cannot be made. One set of controls, so every export offers the same sizes.
#include "mirador/geo/Result.hpp"
#include "ui/ExportPresets.hpp"

namespace mirador {

// Draws the controls for `choice`; `preset` is the preset picked (set into the choice by the
// caller, which also lets Up and Down in its file box move it). Returns the checked size.
geo::Result<ExportSize> draw_export_size(ExportChoice& choice, int& preset, int max_side);

// Up and Down while the item drawn last is active (a dialog's file box) step through the presets:
// the whole dialog works from the keyboard.
void step_preset_with_arrows(int& preset);

// The size chosen into a command's frame options (SnapshotOptions: width, height, dpi).
template <typename Frame>
void set_frame_size(Frame& frame, const ExportSize& size) {
    frame.width = size.width;
    frame.height = size.height;
    frame.dpi = size.dpi;
}

}  // namespace mirador
