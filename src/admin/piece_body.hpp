// The body of a create (POST) or save (PUT) of a piece, read from JSON into what the editorial
// office saves: the import format's fields, the co-authors, and for a save the revision it was
// based on and whether it is an autosave. Strict: an unknown field, a wrong type, a text over
// its limit or a block outside the schema is refused, with Error::field naming the JSON path
// ("title", "authors[2]", "blocks[3].runs[1].link") and a Vietnamese message. Text is checked
// as UTF-8, its controls taken out, and normalised to NFC.
//
// Kept apart from the HTTP handlers (no http types), so the fuzz target drives exactly what
// the API runs. Thread-safe (pure).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "base/result.hpp"
#include "editorial/office.hpp"

namespace toasoan::admin {

Result<editorial::Saving> saving_from_json(const nlohmann::json& body, bool for_update);

// How a refusal names a key no call knows: as written; "?" when it is not UTF-8; "\"\"" when it
// is empty, since every refusal names its field.
std::string unknown_field_name(std::string_view key);

}  // namespace toasoan::admin
