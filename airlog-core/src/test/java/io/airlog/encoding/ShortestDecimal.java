package io.airlog.encoding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An independent, slow reference for ECMAScript's Number::toString (RFC 8785 section 3.2.2.3):
 * the fewest significant digits that read back as the same double, the nearest such decimal
 * if there are two, the even one on a tie; then ECMAScript's layout. Built on BigDecimal
 * only, to check {@code Numbers} (which uses java-json-canonicalization's Grisu-based
 * formatter) against something that shares no code with it.
 */
final class ShortestDecimal {
    private ShortestDecimal() {
    }

    static String format(double d) {
        if (d == 0) {
            return "0";
        }
        if (d < 0) {
            return "-" + format(-d);
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal down = exact.round(new MathContext(digits, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(digits, RoundingMode.CEILING));
            boolean downOk = down.doubleValue() == d;
            boolean upOk = up.doubleValue() == d;
            if (downOk || upOk) {
                BigDecimal pick;
                if (downOk && upOk && !down.equals(up)) {
                    int c = exact.subtract(down).compareTo(up.subtract(exact));
                    pick = c < 0 ? down : c > 0 ? up : lastDigitEven(down) ? down : up;
                } else {
                    pick = downOk ? down : up;
                }
                return layout(pick.stripTrailingZeros());
            }
        }
        throw new IllegalStateException("no 17-digit decimal reads back as " + d);
    }

    private static boolean lastDigitEven(BigDecimal v) {
        return !v.unscaledValue().testBit(0);
    }

    /** ECMAScript's layout of digits s (k of them) times 10^(n-k). */
    private static String layout(BigDecimal v) {
        String s = v.unscaledValue().toString();
        int k = s.length();
        int n = k - v.scale();
        if (k <= n && n <= 21) {
            return s + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return s.substring(0, n) + "." + s.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + s;
        }
        int e = n - 1;
        String exponent = "e" + (e >= 0 ? "+" : "-") + Math.abs(e);
        return (k == 1 ? s : s.charAt(0) + "." + s.substring(1)) + exponent;
    }
}
