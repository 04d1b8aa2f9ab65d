// SealedSecret → Secret with the private key(s), checking labels as the controller does.
#pragma once

#include <vector>

#include "seal/keys.h"
#include "yaml/node.h"

namespace berth::seal {

// Decrypts every spec.encryptedData value of the SealedSecret document `sealed` with the label
// its metadata (name, namespace, scope annotations) implies. Returns a v1 Secret (data in
// base64, keys sorted; labels, annotations, type, immutable from spec.template). A value that
// does not open — sealed for another scope, namespace or name, or with another key — is a
// berth::Error at that value naming the expected scope and label.
yaml::Node unseal(const yaml::Node& sealed, const std::vector<Pkey>& keys);

} // namespace berth::seal
