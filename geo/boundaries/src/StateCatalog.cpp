#include "mirador/geo/StateCatalog.hpp"

namespace mirador::geo {

namespace {
constexpr StateEntry kStates[] = {
    {"01", "Aguascalientes", "Aguascalientes", "Ags."},
    {"02", "Baja California", "Baja California", "BC"},
    {"03", "Baja California Sur", "Baja California Sur", "BCS"},
    {"04", "Campeche", "Campeche", "Camp."},
    {"05", "Coahuila de Zaragoza", "Coahuila", "Coah."},
    {"06", "Colima", "Colima", "Col."},
    {"07", "Chiapas", "Chiapas", "Chis."},
    {"08", "Chihuahua", "Chihuahua", "Chih."},
    {"09", "Ciudad de México", "CDMX", "CDMX"},
    {"10", "Durango", "Durango", "Dgo."},
    {"11", "Guanajuato", "Guanajuato", "Gto."},
    {"12", "Guerrero", "Guerrero", "Gro."},
    {"13", "Hidalgo", "Hidalgo", "Hgo."},
    {"14", "Jalisco", "Jalisco", "Jal."},
    {"15", "México", "Estado de México", "Mex."},
    {"16", "Michoacán de Ocampo", "Michoacán", "Mich."},
    {"17", "Morelos", "Morelos", "Mor."},
    {"18", "Nayarit", "Nayarit", "Nay."},
    {"19", "Nuevo León", "Nuevo León", "NL"},
    {"20", "Oaxaca", "Oaxaca", "Oax."},
    {"21", "Puebla", "Puebla", "Pue."},
    {"22", "Querétaro", "Querétaro", "Qro."},
    {"23", "Quintana Roo", "Quintana Roo", "Q. Roo"},
    {"24", "San Luis Potosí", "San Luis Potosí", "SLP"},
    {"25", "Sinaloa", "Sinaloa", "Sin."},
    {"26", "Sonora", "Sonora", "Son."},
    {"27", "Tabasco", "Tabasco", "Tab."},
    {"28", "Tamaulipas", "Tamaulipas", "Tamps."},
    {"29", "Tlaxcala", "Tlaxcala", "Tlax."},
    {"30", "Veracruz de Ignacio de la Llave", "Veracruz", "Ver."},
    {"31", "Yucatán", "Yucatán", "Yuc."},
    {"32", "Zacatecas", "Zacatecas", "Zac."},
};
}  // namespace

const StateEntry* state_catalog(std::size_t* count) {
    if (count) *count = sizeof(kStates) / sizeof(kStates[0]);
    return kStates;
}

const StateEntry* find_state_by_code(std::string_view code) {
    for (const auto& s : kStates)
        if (s.code == code) return &s;
    return nullptr;
}

}  // namespace mirador::geo
