// Event → node tree construction (see tree_builder.h). No recursion: nesting lives in frames_.
#include "yaml/tree_builder.h"

#include <cstdint>

namespace berth::yaml {

namespace {
// Scalar bytes an alias expansion may copy per allowed node: bounds "laughs" built from a few
// huge scalars, which a node count alone would let through.
constexpr std::size_t kAliasBytesPerNode = 64;
} // namespace

void TreeBuilder::begin_document() {
  anchors_.clear(); // anchors are scoped to one document
  have_root_ = false;
  depth_ = 0;
  open_anchors_ = 0;
}

void TreeBuilder::end_document() {
  documents_.push_back(have_root_ ? std::move(root_) : Node::null());
  root_ = Node();
  have_root_ = false;
}

void TreeBuilder::charge(std::size_t nodes, std::size_t bytes, const Location& where) {
  if (nodes > options_.max_alias_nodes - alias_nodes_)
    throw Error(where, "alias expansion exceeds " + std::to_string(options_.max_alias_nodes) +
                           " nodes (billion-laughs protection)");
  const std::size_t max_bytes = options_.max_alias_nodes > SIZE_MAX / kAliasBytesPerNode
                                    ? SIZE_MAX
                                    : options_.max_alias_nodes * kAliasBytesPerNode;
  if (bytes > max_bytes - alias_bytes_)
    throw Error(where, "alias expansion exceeds " + std::to_string(max_bytes) +
                           " bytes of scalars (billion-laughs protection)");
  alias_nodes_ += nodes;
  alias_bytes_ += bytes;
}

void TreeBuilder::define_anchor(const std::string& name, const Node& node, std::size_t nodes,
                                std::size_t bytes) {
  // An anchor inside another anchored node makes its subtree copied twice; charge those copies
  // so nested anchors cannot multiply work by the nesting depth.
  if (open_anchors_ > 0) charge(nodes, bytes, node.loc());
  Anchor& a = anchors_[name]; // a redefinition replaces the earlier anchor (YAML 1.2 §3.2.2.2)
  a.node = node;
  a.nodes = nodes;
  a.bytes = bytes;
}

void TreeBuilder::scalar(std::string value, Style style, const NodeProps& props) {
  std::size_t bytes = value.size();
  Node n = Node::scalar(std::move(value), style);
  n.set_loc(props.loc);
  if (!props.tag.empty()) n.set_tag(props.tag);
  if (!props.anchor.empty()) define_anchor(std::string(props.anchor), n, 1, bytes);
  attach(std::move(n), 1, bytes);
}

// The copy keeps the anchored node's own locations, so errors in aliased content point at where
// it is written.
void TreeBuilder::alias(std::string_view name, Location loc) {
  auto it = anchors_.find(std::string(name));
  if (it == anchors_.end())
    throw Error(loc, "undefined alias '*" + std::string(name) +
                         "' (an anchor '&" + std::string(name) +
                         "' must be defined earlier in the same document)");
  const Anchor& a = it->second;
  charge(a.nodes, a.bytes, loc); // refuse before copying anything
  attach(Node(a.node), a.nodes, a.bytes);
}

void TreeBuilder::begin_collection(Kind kind, const NodeProps& props) {
  if (depth_ >= options_.max_depth)
    throw Error(props.loc, "collections nested deeper than " + std::to_string(options_.max_depth) +
                               " levels");
  if (depth_ == frames_.size()) frames_.emplace_back();
  Frame& f = frames_[depth_++];
  f.node = kind == Kind::Mapping ? Node::mapping() : Node::sequence();
  f.node.set_loc(props.loc);
  if (!props.tag.empty()) f.node.set_tag(props.tag);
  f.key = Node();
  f.have_key = false;
  f.has_merge = false;
  f.anchor.assign(props.anchor);
  if (!f.anchor.empty()) ++open_anchors_;
  f.nodes = 1;
  f.bytes = 0;
  f.index.clear();
}

void TreeBuilder::end_collection() {
  Frame& f = frames_[--depth_];
  Node node = std::move(f.node);
  if (f.has_merge) apply_merge_keys(node);
  if (!f.anchor.empty()) {
    --open_anchors_;
    define_anchor(f.anchor, node, f.nodes, f.bytes);
  }
  attach(std::move(node), f.nodes, f.bytes);
}

bool TreeBuilder::is_merge_key(const Node& key) const {
  if (!options_.merge_keys || !key.is_scalar() || key.value() != "<<") return false;
  std::string_view tag = key.tag();
  if (tag == "!!merge") return true;
  return tag.empty() && key.style() == Style::Plain;
}

void TreeBuilder::add_entry(Frame& f, Node key, Node value) {
  auto& entries = f.node.entries();
  if (is_merge_key(key)) {
    f.has_merge = true;
  } else if (options_.reject_duplicate_keys) {
    std::uint32_t first = f.index.find(entries, key);
    if (first != KeyIndex::npos) {
      const Location& at = entries[first].key.loc();
      throw Error(key.loc(), "duplicate key " + describe_key(key) + " in mapping (first defined at " +
                                 std::to_string(at.line) + ":" + std::to_string(at.column) + ")");
    }
    entries.push_back(Entry{std::move(key), std::move(value)});
    f.index.insert(entries, static_cast<std::uint32_t>(entries.size() - 1));
    return;
  }
  entries.push_back(Entry{std::move(key), std::move(value)});
}

void TreeBuilder::attach(Node node, std::size_t nodes, std::size_t bytes) {
  if (depth_ == 0) {
    root_ = std::move(node);
    have_root_ = true;
    return;
  }
  Frame& f = frames_[depth_ - 1];
  f.nodes += nodes;
  f.bytes += bytes;
  if (f.node.is_sequence()) {
    f.node.items().push_back(std::move(node));
  } else if (!f.have_key) {
    f.key = std::move(node);
    f.have_key = true;
  } else {
    f.have_key = false;
    add_entry(f, std::move(f.key), std::move(node));
  }
}

} // namespace berth::yaml
