#include "core/pound_state.hpp"

#include "core/state.hpp"

namespace jup {

std::optional<ApplyResult> apply_pound(PoundState& s, const Action& a, const Content&) {
    if (a.type == "pound_tab") {
        static const char* tabs[] = {"overview", "compare", "time", "whatif", "funds", "tables"};
        std::string t = a.args.value("tab", "");
        for (const char* k : tabs)
            if (t == k) return s.tab = t, ApplyResult{};
        return ApplyResult{false, "pound_tab needs \"tab\": overview, compare, time, whatif, funds or tables"};
    }
    return std::nullopt;
}

nlohmann::json pound_to_json(const PoundState& s) { return {{"tab", s.tab}}; }

void pound_from_json(const nlohmann::json& j, PoundState& out, std::string& problems) {
    if (!j.is_object()) {
        problems += (problems.empty() ? "" : "; ") + std::string("/pound: expected an object");
        return;
    }
    if (j.contains("tab") && j["tab"].is_string()) out.tab = j["tab"].get<std::string>();
}

}  // namespace jup
