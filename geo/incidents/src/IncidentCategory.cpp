#include "mirador/geo/IncidentCategory.hpp"

#include <string>

#include "mirador/geo/Text.hpp"

namespace mirador::geo {

namespace {

struct Alias {
    const char* folded;  // as fold_for_search writes it: lower case, no accents, single spaces
    IncidentCategory category;
};

// The English names first (Mirador's own), then the words Mexican sources use.
constexpr Alias kAliases[] = {
    {"armed clash", IncidentCategory::ArmedClash},
    {"clash", IncidentCategory::ArmedClash},
    {"gunfight", IncidentCategory::ArmedClash},
    {"enfrentamiento", IncidentCategory::ArmedClash},
    {"enfrentamiento armado", IncidentCategory::ArmedClash},
    {"ambush", IncidentCategory::Ambush},
    {"emboscada", IncidentCategory::Ambush},
    {"massacre", IncidentCategory::Massacre},
    {"masacre", IncidentCategory::Massacre},
    {"arrest capture", IncidentCategory::ArrestCapture},
    {"arrest", IncidentCategory::ArrestCapture},
    {"capture", IncidentCategory::ArrestCapture},
    {"detencion", IncidentCategory::ArrestCapture},
    {"captura", IncidentCategory::ArrestCapture},
    {"arresto", IncidentCategory::ArrestCapture},
    {"attack on civilians", IncidentCategory::AttackOnCivilians},
    {"ataque a civiles", IncidentCategory::AttackOnCivilians},
    {"prison escape", IncidentCategory::PrisonEscape},
    {"prison break", IncidentCategory::PrisonEscape},
    {"fuga", IncidentCategory::PrisonEscape},
    {"fuga de reos", IncidentCategory::PrisonEscape},
    {"disappearance", IncidentCategory::Disappearance},
    {"enforced disappearance", IncidentCategory::Disappearance},
    {"desaparicion", IncidentCategory::Disappearance},
    {"desaparicion forzada", IncidentCategory::Disappearance},
    {"military operation", IncidentCategory::MilitaryOperation},
    {"operativo", IncidentCategory::MilitaryOperation},
    {"operativo militar", IncidentCategory::MilitaryOperation},
    {"operacion militar", IncidentCategory::MilitaryOperation},
    {"other", IncidentCategory::Other},
    {"otro", IncidentCategory::Other},
};

}  // namespace

std::string_view category_name(IncidentCategory c) {
    switch (c) {
        case IncidentCategory::ArmedClash: return "armed clash";
        case IncidentCategory::Ambush: return "ambush";
        case IncidentCategory::Massacre: return "massacre";
        case IncidentCategory::ArrestCapture: return "arrest/capture";
        case IncidentCategory::AttackOnCivilians: return "attack on civilians";
        case IncidentCategory::PrisonEscape: return "prison escape";
        case IncidentCategory::Disappearance: return "disappearance";
        case IncidentCategory::MilitaryOperation: return "military operation";
        case IncidentCategory::Other: return "other";
    }
    return "other";
}

std::optional<IncidentCategory> parse_incident_category(std::string_view text) {
    const std::string key = fold_for_search(text);
    for (const Alias& a : kAliases)
        if (key == a.folded) return a.category;
    return std::nullopt;
}

}  // namespace mirador::geo
