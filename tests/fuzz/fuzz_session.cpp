// libFuzzer target: the saved-session loader, as the app reads localStorage "joinedup.session"
// (src/platform/main.cpp load_saved_state): json::parse without exceptions, then
// state_from_json. A session that loads must also save and load again (round trip).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/state.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string raw(reinterpret_cast<const char*>(data), size);
    nlohmann::json j = nlohmann::json::parse(raw, nullptr, false);
    if (j.is_discarded()) return 0;
    jup::State s;
    std::string error;
    if (!jup::state_from_json(j, s, error)) return 0;
    // What loaded must serialise, and what it serialises to must load again.
    const std::string saved = jup::state_to_json(s).dump();
    (void)jup::export_answers(s, "2024-01-01T00:00:00Z").dump();
    jup::State again;
    std::string error2;
    if (!jup::state_from_json(nlohmann::json::parse(saved), again, error2)) abort();
    return 0;
}
