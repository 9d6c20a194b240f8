// libFuzzer target: the text edition's answer module (core/answer_module.*), every entry point as
// web/text/answer.js calls it, against the bundled pack (data/, loaded once).
//
// Input: calls separated by NUL bytes, at most 16. A call's first byte picks the entry point
// (modulo 10: open, apply, board, other_tab, import, check_share, open_share, load into a fresh
// module, export, share); the rest is its text argument. Every result must be a JSON object, the
// session it keeps must load again, and a successful "save" must be a readable session (else
// __builtin_trap).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/answer_module.hpp"
#include "core/json_in.hpp"

namespace {

using json = nlohmann::json;

std::string bundled_files() {
    json list = json::array();
    namespace fs = std::filesystem;
    for (auto& e : fs::recursive_directory_iterator(JOINEDUP_DATA_DIR)) {
        std::string rel = fs::relative(e.path(), JOINEDUP_DATA_DIR).generic_string();
        if (!e.is_regular_file() || rel.rfind("geo/", 0) == 0) continue;
        std::ifstream f(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        list.push_back({{"path", rel}, {"text", ss.str()}});
    }
    return list.dump();
}

json object_or_trap(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    if (!j.is_object()) __builtin_trap();
    if (j.contains("save") && j["save"].is_string()) {
        jup::State s;
        std::string err;
        if (!jup::state_from_text(j["save"].get<std::string>(), s, err)) __builtin_trap();
    }
    return j;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static jup::AnswerModule m;
    static const bool loaded = json::parse(m.load(bundled_files()))["ok"].get<bool>();
    if (!loaded) __builtin_trap();
    m.open("", 1);  // each input starts from a fresh session
    const std::string in(reinterpret_cast<const char*>(data), size);
    size_t at = 0;
    for (int n = 0; n < 16 && at < in.size(); ++n) {
        size_t end = in.find('\0', at);
        if (end == std::string::npos) end = in.size();
        const std::string call = in.substr(at, end - at);
        at = end + 1;
        if (call.empty()) continue;
        const std::string arg = call.substr(1);
        switch ((unsigned char)call[0] % 10) {
            case 0: object_or_trap(m.open(arg, 7)); break;
            case 1: object_or_trap(m.apply(arg)); break;
            case 2: object_or_trap(m.board(arg)); break;
            case 3: object_or_trap(m.other_tab(arg)); break;
            case 4: object_or_trap(m.import_file("f.json", arg)); break;
            case 5: object_or_trap(m.check_share(arg)); break;
            case 6: object_or_trap(m.open_share(arg, arg.size() % 2)); break;
            case 7: {
                jup::AnswerModule fresh;
                object_or_trap(fresh.load(arg));
                object_or_trap(fresh.board("pounds"));
                break;
            }
            case 8: object_or_trap(m.export_file(arg)); break;
            case 9: object_or_trap(m.share(arg)); break;
        }
    }
    jup::State s;
    std::string err;
    if (!jup::state_from_text(jup::json_text(object_or_trap(m.state())), s, err)) __builtin_trap();
    return 0;
}
