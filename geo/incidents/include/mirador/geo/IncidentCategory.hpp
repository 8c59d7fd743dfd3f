#pragma once
// What kind of incident it was. A closed list, so the map can colour and filter by it and
// it fits in a byte of the hot columns. Analysts write categories in English or Spanish, with
// or without accents and in any case; parse_incident_category folds the text first.
#include <cstdint>
#include <optional>
#include <string_view>

namespace mirador::geo {

enum class IncidentCategory : std::uint8_t {
    ArmedClash,
    Ambush,
    Massacre,
    ArrestCapture,
    AttackOnCivilians,
    PrisonEscape,
    Disappearance,
    MilitaryOperation,
    Other,
};

inline constexpr int kIncidentCategoryCount = 9;

// "armed clash", "arrest/capture" ...: the names Mirador's CSV uses.
std::string_view category_name(IncidentCategory category);

// "Armed clash", "ARREST/CAPTURE", "arrest", "enfrentamiento", "desaparición" ... ; nullopt when
// the text names none of the categories.
std::optional<IncidentCategory> parse_incident_category(std::string_view text);

}  // namespace mirador::geo
