/**
 * End-to-end encryption of messages between users: each client's identity key pair, sealing a
 * message for one recipient so that only they can open it and know who sealed it, and the
 * client's record of the keys it has seen. Standard parts only: HPKE (RFC 9180) from Bouncy
 * Castle, in its authenticated mode with X25519, HKDF-SHA256 and AES-256-GCM.
 */
package chatlab.e2e;
