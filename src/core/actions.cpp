#include "core/actions.hpp"


#include "core/json_in.hpp"
#include "core/state.hpp"

namespace jup {

using json = nlohmann::json;

const char* arg_type_name(ArgType t) {
    switch (t) {
        case ArgType::Text: return "text";
        case ArgType::Whole: return "whole number";
        case ArgType::Number: return "number";
        case ArgType::Bool: return "true or false";
        case ArgType::TextList: return "list of text";
        case ArgType::List: return "list";
        case ArgType::Any: return "any JSON";
    }
    return "any JSON";
}

// ---- lookup ------------------------------------------------------------------------------

const std::vector<const ActionModule*>& all_actions() {
    static const std::vector<const ActionModule*> modules{&session_actions(), &pound_actions(), &map_actions()};
    return modules;
}

static const ActionSpec* find_in(const ActionModule& m, const std::string& name) {
    for (const ActionSpec& a : m)
        if (name == a.name) return &a;
    return nullptr;
}

const ActionSpec* find_action(const std::string& name, const ActionModule** module) {
    for (const ActionModule* m : all_actions())
        if (const ActionSpec* a = find_in(*m, name)) {
            if (module) *module = m;
            return a;
        }
    return nullptr;
}

const ActionSpec* find_request(const std::string& name) { return find_in(platform_requests(), name); }

// ---- reading arguments ------------------------------------------------------------------

bool read_args(const ActionSpec& spec, const json& args, std::string& error) {
    std::vector<std::string> problems;
    JsonIn in(args, "", problems);
    for (const ArgSpec& arg : spec.args) {
        if (!arg.name) break;
        auto v = in.member(arg.name);
        if (!v || (arg.null_ok && v->raw().is_null())) {
            if (v || !arg.required) continue;
            error = std::string(spec.name) + " needs \"" + arg.name + "\": " + arg.hint;
            return false;
        }
        bool ok = true;
        std::string s;
        long long n;
        double d;
        bool b;
        switch (arg.type) {
            case ArgType::Text: ok = v->as_text(s); break;
            case ArgType::Whole: ok = v->as_whole(n, INT64_MIN, INT64_MAX); break;
            case ArgType::Number: ok = v->as_number(d); break;
            case ArgType::Bool: ok = v->as_bool(b); break;
            case ArgType::TextList:
                ok = v->expect_array();
                for (size_t i = 0; ok && i < v->size(); ++i) ok = v->at(i).as_text(s);
                break;
            case ArgType::List: ok = v->expect_array(); break;
            case ArgType::Any: break;
        }
        if (!ok) {
            error = std::string(spec.name) + ": " + problems.front();
            return false;
        }
    }
    return true;
}

const char* Args::action() const { return spec_->name; }

const json* Args::find(const char* name) const {
    if (!j_->is_object()) return nullptr;
    auto it = j_->find(name);
    return it == j_->end() ? nullptr : &*it;
}

bool Args::has(const char* name) const {
    const json* v = find(name);
    return v && !v->is_null();
}

bool Args::is_null(const char* name) const {
    const json* v = find(name);
    return v && v->is_null();
}

std::string Args::text(const char* name) const {
    const json* v = find(name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

long long Args::whole(const char* name) const {
    const json* v = find(name);
    if (!v) return 0;
    if (v->is_number_unsigned()) return (long long)v->get<json::number_unsigned_t>();  // read_args kept it <= INT64_MAX
    return v->is_number_integer() ? v->get<json::number_integer_t>() : 0;
}

double Args::number(const char* name) const {
    const json* v = find(name);
    return v && v->is_number() ? v->get<double>() : 0;
}

bool Args::flag(const char* name) const {
    const json* v = find(name);
    return v && v->is_boolean() && v->get<bool>();
}

std::vector<std::string> Args::texts(const char* name) const {
    std::vector<std::string> out;
    if (const json* v = find(name); v && v->is_array())
        for (auto& e : *v)
            if (e.is_string()) out.push_back(e.get<std::string>());
    return out;
}

const json& Args::raw(const char* name) const {
    static const json kNull;
    const json* v = find(name);
    return v ? *v : kNull;
}

// ---- docs --------------------------------------------------------------------------------

std::string args_doc(const ActionSpec& spec) {
    std::string out;
    for (const ArgSpec& arg : spec.args) {
        if (!arg.name) break;
        if (!out.empty()) out += "; ";
        out += std::string("`") + arg.name + "` (" + arg_type_name(arg.type);
        if (!arg.required) out += ", optional";
        if (arg.null_ok) out += ", or null";
        out += std::string("): ") + arg.hint;
    }
    return out.empty() ? "none" : out;
}

}  // namespace jup
