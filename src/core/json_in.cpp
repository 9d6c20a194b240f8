#include "core/json_in.hpp"

#include <cmath>
#include <set>

namespace jup {

using json = nlohmann::json;

namespace {

// nlohmann's DOM builder, plus a stack of the keys seen in each open object (for duplicate
// keys and their pointers) and a depth limit. With allow_exceptions off, nothing throws.
class CheckingSax {
  public:
    CheckingSax(json& root, std::vector<std::string>* dups, int max_depth)
        : dom_(root, false), dups_(dups), max_depth_(max_depth) {}

    bool null() { return value(), dom_.null(); }
    bool boolean(bool v) { return value(), dom_.boolean(v); }
    bool number_integer(json::number_integer_t v) { return value(), dom_.number_integer(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value(), dom_.number_unsigned(v); }
    bool number_float(json::number_float_t v, const std::string& s) { return value(), dom_.number_float(v, s); }
    bool string(std::string& v) { return value(), dom_.string(v); }
    bool binary(json::binary_t& v) { return value(), dom_.binary(v); }
    bool start_object(std::size_t n) { return open(true) && dom_.start_object(n); }
    bool start_array(std::size_t n) { return open(false) && dom_.start_array(n); }
    bool end_object() { return stack_.pop_back(), dom_.end_object(); }
    bool end_array() { return stack_.pop_back(), dom_.end_array(); }
    bool key(std::string& k) {
        Frame& f = stack_.back();
        f.key = k;
        if (dups_ && !f.keys.insert(k).second) dups_->push_back(pointer(stack_.size() - 1) + ": the key \"" + k + "\" appears twice in one object; the last value is used");
        return dom_.key(k);
    }
    template <class Exception>
    bool parse_error(std::size_t position, const std::string&, const Exception& ex) {
        error_pos_ = position;
        error_id_ = ex.id;
        error_what_ = ex.what();
        return false;
    }

    bool too_deep = false;
    std::size_t error_pos_ = 0;
    int error_id_ = 0;
    std::string error_what_;

  private:
    struct Frame {
        bool object;
        size_t index = 0;  // arrays: index of the next element
        std::string key;   // objects: the current key
        std::set<std::string> keys;
    };
    // A value (or a container) is starting inside the current array: it takes the next index.
    void value() {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().index;
    }
    bool open(bool object) {
        value();
        if ((int)stack_.size() >= max_depth_) return too_deep = true, false;
        stack_.push_back({object, 0, {}, {}});
        return true;
    }
    // The place of the container stack_[depth]: each enclosing container's current key or index.
    std::string pointer(size_t depth) const {
        std::string p;
        for (size_t i = 0; i < depth; ++i)
            p += "/" + (stack_[i].object ? pointer_escape(stack_[i].key) : std::to_string(stack_[i].index - 1));
        return p.empty() ? "/" : p;
    }

    nlohmann::detail::json_sax_dom_parser<json> dom_;
    std::vector<std::string>* dups_;
    int max_depth_;
    std::vector<Frame> stack_;
};

}  // namespace

bool parse_json(const std::string& text, json& out, std::string& error, std::vector<std::string>* duplicates, int max_depth) {
    json root;
    std::vector<std::string> dups;
    CheckingSax sax(root, duplicates ? &dups : nullptr, max_depth);
    bool ok = json::sax_parse(text, &sax, json::input_format_t::json, true);
    if (sax.too_deep) return error = "JSON nested more than " + std::to_string(max_depth) + " levels deep", false;
    if (!ok) {
        if (sax.error_id_ == 406) return error = "a number is out of range: " + sax.error_what_, false;
        // The offset of the error as line:column for people. nlohmann's text repeats the
        // position and may quote the raw bad bytes: keep its reason only.
        size_t line = 1, col = 1;
        for (size_t i = 0; i + 1 < sax.error_pos_ && i < text.size(); ++i) {
            if (text[i] == '\n') ++line, col = 1;
            else ++col;
        }
        std::string why = sax.error_what_;
        auto p = why.find("parse error");
        if (p != std::string::npos) why = why.substr(p);
        auto colon = why.find(": ", why.find("column"));
        if (colon != std::string::npos) why = why.substr(colon + 2);
        auto last = why.find("; last read");
        if (last != std::string::npos) why = why.substr(0, last);
        error = "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(col) + ": " + why;
        return false;
    }
    if (duplicates) duplicates->insert(duplicates->end(), dups.begin(), dups.end());
    out = std::move(root);
    return true;
}

std::string json_text(const json& j, int indent) { return j.dump(indent, ' ', false, json::error_handler_t::replace); }

std::string json_type_name(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "true or false";
        case json::value_t::string: return "text";
        case json::value_t::array: return "a list";
        case json::value_t::object: return "an object";
        case json::value_t::discarded: return "nothing";
        default: return "a number";
    }
}

std::string pointer_escape(const std::string& key) {
    std::string o;
    for (char c : key) {
        if (c == '~') o += "~0";
        else if (c == '/') o += "~1";
        else o += c;
    }
    return o;
}

void JsonIn::problem(const std::string& sub, const std::string& message) const {
    std::string p = ptr_ + sub;
    problems_->push_back((p.empty() ? "/" : p) + ": " + message);
}

static std::string got(const json& v) { return ", got " + json_type_name(v); }

bool JsonIn::expect_object() const {
    if (is_object()) return true;
    problem("", "expected an object" + got(*v_));
    return false;
}

bool JsonIn::expect_array() const {
    if (is_array()) return true;
    problem("", "expected a list" + got(*v_));
    return false;
}

bool JsonIn::as_text(std::string& out, size_t max_bytes) const {
    if (!v_->is_string()) return problem("", "expected text" + got(*v_)), false;
    const std::string& s = v_->get_ref<const std::string&>();
    if (s.size() > max_bytes) return problem("", "text longer than " + std::to_string(max_bytes) + " bytes"), false;
    out = s;
    return true;
}

bool JsonIn::as_whole(long long& out, long long lo, long long hi) const {
    long long x = 0;
    if (v_->is_number_unsigned()) {
        auto u = v_->get<json::number_unsigned_t>();
        if (u > (unsigned long long)INT64_MAX) return problem("", "number out of range"), false;
        x = (long long)u;
    } else if (v_->is_number_integer()) x = v_->get<json::number_integer_t>();
    else return problem("", "expected a whole number" + got(*v_)), false;
    if (x < lo || x > hi) return problem("", "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi)), false;
    out = x;
    return true;
}

bool JsonIn::as_int(int& out, int lo, int hi) const {
    long long x;
    if (!as_whole(x, lo, hi)) return false;
    out = (int)x;
    return true;
}

bool JsonIn::as_number(double& out) const {
    if (!v_->is_number()) return problem("", "expected a number" + got(*v_)), false;
    double d = v_->get<double>();
    if (!std::isfinite(d)) return problem("", "number out of range"), false;
    out = d;
    return true;
}

bool JsonIn::as_bool(bool& out) const {
    if (!v_->is_boolean()) return problem("", "expected true or false" + got(*v_)), false;
    out = v_->get<bool>();
    return true;
}

const json* JsonIn::find(const char* key, bool required) const {
    if (!is_object()) return nullptr;
    auto it = v_->find(key);
    if (it == v_->end()) {
        if (required) problem("/" + pointer_escape(key), "missing");
        return nullptr;
    }
    return &*it;
}

std::optional<JsonIn> JsonIn::member(const char* key, bool required) const {
    const json* v = find(key, required);
    if (!v) return std::nullopt;
    return JsonIn(*v, ptr_ + "/" + pointer_escape(key), *problems_);
}

std::optional<JsonIn> JsonIn::object(const char* key, bool required) const {
    auto m = member(key, required);
    if (m && !m->expect_object()) return std::nullopt;
    return m;
}

std::optional<JsonIn> JsonIn::array(const char* key, bool required) const {
    auto m = member(key, required);
    if (m && !m->expect_array()) return std::nullopt;
    return m;
}

bool JsonIn::text(const char* key, std::string& out, size_t max_bytes, bool required) const {
    auto m = member(key, required);
    return m && m->as_text(out, max_bytes);
}

bool JsonIn::whole(const char* key, long long& out, long long lo, long long hi, bool required) const {
    auto m = member(key, required);
    return m && m->as_whole(out, lo, hi);
}

bool JsonIn::integer(const char* key, int& out, int lo, int hi, bool required) const {
    auto m = member(key, required);
    return m && m->as_int(out, lo, hi);
}

bool JsonIn::number(const char* key, double& out, bool required) const {
    auto m = member(key, required);
    return m && m->as_number(out);
}

bool JsonIn::boolean(const char* key, bool& out, bool required) const {
    auto m = member(key, required);
    return m && m->as_bool(out);
}

JsonIn JsonIn::at(size_t i) const {
    static const json kNull;
    const json& v = is_array() && i < v_->size() ? (*v_)[i] : kNull;
    return JsonIn(v, ptr_ + "/" + std::to_string(i), *problems_);
}

}  // namespace jup
