import { describe, expect, it } from "vitest";
import { getInitials } from "../../components/avatar";

describe("getInitials", () => {
  it("takes the first letter of the first and last word", () => {
    expect(getInitials("Ada Lovelace")).toBe("AL");
    expect(getInitials("Jean-Luc de la Tour")).toBe("JT");
  });

  it("copes with one word, extra spaces and empty input", () => {
    expect(getInitials("  plato ")).toBe("P");
    expect(getInitials("")).toBe("?");
    expect(getInitials("   ")).toBe("?");
  });
});
