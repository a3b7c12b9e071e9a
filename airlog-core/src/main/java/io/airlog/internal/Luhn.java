package io.airlog.internal;

/**
 * The Luhn (mod 10) check digit algorithm of ISO/IEC 7812, which every payment card number
 * satisfies and about nine in ten arbitrary digit strings do not.
 */
public final class Luhn {
    private Luhn() {
    }

    /**
     * Whether the ASCII digits of {@code text} form a number of {@code minDigits} to
     * {@code maxDigits} digits that passes the Luhn check. Characters other than digits
     * (spaces, dashes) are skipped.
     *
     * @param text digits, possibly grouped by separators
     * @param minDigits the fewest digits accepted
     * @param maxDigits the most digits accepted
     * @return whether the digits have an accepted length and a valid check digit
     */
    public static boolean isValid(CharSequence text, int minDigits, int maxDigits) {
        int sum = 0;
        int digits = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (digits % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            digits++;
        }
        return digits >= minDigits && digits <= maxDigits && sum % 10 == 0;
    }
}
