// Facts about the checked objects that cross-object rules need (selectors, labels, ports,
// references, resources, quotas…), extracted in the same pass as per-object rules so the trees
// can be dropped (memory stays proportional to one file, not the whole input).
#pragma once

#include <memory>

#include "check/object.h"

namespace berth::check {

struct IndexData; // defined in index_data.h (owned by the reference/capacity families)
class Lookup;     // index_lookup.h

class Index {
public:
  Index();
  ~Index();
  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;

  // Records what set-level rules need from one object (patches and non-mappings are skipped).
  // The facts keep `&object.info`: the caller must keep that ObjectInfo alive, at the same
  // address, as long as the Index (the engine keeps every ObjectInfo for the whole run).
  void add(const Object& object);
  // Appends another index (a later file's) keeping input order.
  void append(Index&& other);

  const IndexData& data() const;
  // Hash indexes over the facts for the set-level rules, built on first use and shared by the
  // families; add/append discard it. Not thread-safe: the set-level pass runs on one thread.
  const Lookup& lookup() const;

private:
  std::unique_ptr<IndexData> data_;
  mutable std::unique_ptr<Lookup> lookup_;
};

} // namespace berth::check
