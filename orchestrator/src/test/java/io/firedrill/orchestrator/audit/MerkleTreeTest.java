package io.firedrill.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tree agrees with RFC 6962 as Certificate Transparency's reference vectors pin it down: a log no other
 * implementation agrees with proves nothing to an auditor.
 */
class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The reference leaves (data, not hashes) of the CT test vectors. */
    private static final List<String> DATA = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    /** Their tree hashes for sizes 0..8; size 0 is SHA-256 of nothing. */
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<byte[]> leaves(int n) {
        return DATA.subList(0, n).stream().map(d -> MerkleTree.leafHash(HEX.parseHex(d))).toList();
    }

    @Test
    void theEmptyTreeHashesToSha256OfNothing() {
        assertThat(MerkleTree.hex(MerkleTree.emptyRoot())).isEqualTo(ROOTS.get(0));
        assertThat(MerkleTree.hex(MerkleTree.root(List.of()))).isEqualTo(ROOTS.get(0));
        assertThat(MerkleTree.hex(new MerkleFrontier().root())).isEqualTo(ROOTS.get(0));
    }

    @Test
    void rootsOfSizesOneToEightAreTheReferenceRoots() {
        for (int n = 1; n <= 8; n++) {
            assertThat(MerkleTree.hex(MerkleTree.root(leaves(n)))).as("size %d", n).isEqualTo(ROOTS.get(n));
        }
    }

    @Test
    void aFrontierGrownLeafByLeafHasTheReferenceRootAtEverySize() {
        MerkleFrontier frontier = new MerkleFrontier();
        for (byte[] leaf : leaves(8)) {
            frontier.append(leaf);
            assertThat(MerkleTree.hex(frontier.root())).as("size %d", frontier.size())
                    .isEqualTo(ROOTS.get((int) frontier.size()));
        }
    }

    @Test
    void aFrontierAgreesWithTheRecursiveDefinitionOnLargerRaggedTrees() {
        List<byte[]> many = new ArrayList<>();
        MerkleFrontier frontier = new MerkleFrontier();
        for (int i = 0; i < 70; i++) {
            byte[] leaf = MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7)});
            many.add(leaf);
            frontier.append(leaf);
            MerkleFrontier copy = frontier.copy();
            assertThat(copy.root()).as("size %d", i + 1).isEqualTo(MerkleTree.root(many));
        }
    }

    @Test
    void inclusionProofsMatchTheReferenceProofs() {
        assertThat(hex(MerkleTree.inclusionPath(leaves(8), 0))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.inclusionPath(leaves(8), 5))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.inclusionPath(leaves(7), 6))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(MerkleTree.inclusionPath(leaves(1), 0)).isEmpty();
    }

    @Test
    void everyLeafsProofVerifiesInEveryTreeSizeAndOnlyThere() {
        for (int n = 1; n <= 8; n++) {
            List<byte[]> tree = leaves(n);
            byte[] root = HEX.parseHex(ROOTS.get(n));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.inclusionPath(tree, m);
                assertThat(MerkleTree.verifyInclusion(m, n, tree.get(m), path, root)).as("leaf %d of %d", m, n).isTrue();
                assertThat(InclusionProof.verify(m, n, MerkleTree.hex(tree.get(m)), hex(path), ROOTS.get(n))).isTrue();
                // the same proof says nothing about another leaf, size or root
                int other = (m + 1) % n;
                if (other != m) {
                    assertThat(MerkleTree.verifyInclusion(other, n, tree.get(m), path, root)).isFalse();
                    assertThat(MerkleTree.verifyInclusion(m, n, tree.get(other), path, root)).isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(m, n, tree.get(m), path, HEX.parseHex(ROOTS.get(n - 1)))).isFalse();
            }
        }
    }

    @Test
    void aProofWithAChangedOrMissingOrExtraHashFails() {
        List<byte[]> tree = leaves(8);
        byte[] root = HEX.parseHex(ROOTS.get(8));
        List<byte[]> path = new ArrayList<>(MerkleTree.inclusionPath(tree, 3));
        assertThat(MerkleTree.verifyInclusion(3, 8, tree.get(3), path, root)).isTrue();

        List<byte[]> changed = new ArrayList<>(path);
        byte[] flipped = changed.get(1).clone();
        flipped[0] ^= 1;
        changed.set(1, flipped);
        assertThat(MerkleTree.verifyInclusion(3, 8, tree.get(3), changed, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(3, 8, tree.get(3), path.subList(0, 2), root)).isFalse();
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(root);
        assertThat(MerkleTree.verifyInclusion(3, 8, tree.get(3), longer, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(8, 8, tree.get(3), path, root)).isFalse();
        assertThat(InclusionProof.verify(3, 8, "not hex", hex(path), ROOTS.get(8))).isFalse();
    }

    @Test
    void aLeafCannotPassForANode() {
        byte[] a = MerkleTree.leafHash(new byte[] {1});
        byte[] b = MerkleTree.leafHash(new byte[] {2});
        byte[] concatenated = new byte[64];
        System.arraycopy(a, 0, concatenated, 0, 32);
        System.arraycopy(b, 0, concatenated, 32, 32);

        assertThat(MerkleTree.leafHash(concatenated)).isNotEqualTo(MerkleTree.nodeHash(a, b));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleTree::hex).toList();
    }
}
