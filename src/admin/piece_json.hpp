// A piece (an article in the newsroom) as the admin API shows and takes it: the import
// format's fields (title, lead, blocks, authors, category, published) plus id, state, revision
// and who holds it. A piece's content, and a revision's, also carries the body's length as
// "counts": {"words", "chars"} (articles/counts.hpp), which a save does not take back.
// Thread-safe (pure functions).
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "editorial/office.hpp"
#include "http/message.hpp"
#include "newsroom/workflow.hpp"
#include "store/desk.hpp"

namespace toasoan::admin {

nlohmann::json piece_json(const store::Piece& p, const std::vector<newsroom::Action>& actions,
                          newsroom::Chain chain);
nlohmann::json summary_json(const store::PieceSummary& s);
nlohmann::json revision_json(const store::Revision& r, bool with_content);
nlohmann::json content_json(const store::PieceContent& c);
nlohmann::json diff_json(const editorial::RevisionDiff& d);

// Reads a create (POST) or save (PUT) body into `out`; answers 422 naming the field (its JSON
// path for blocks) and returns false on anything the schema does not allow. `for_update`: the
// body must carry "revision" (the revision it was based on) and may carry "autosave".
bool read_saving(const nlohmann::json& body, bool for_update, editorial::Saving& out, http::Response& res);

}  // namespace toasoan::admin
