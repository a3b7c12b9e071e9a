package io.airlog.payara;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the servlet container ({@code WEB-INF/web.xml}): every error the container
 * answers itself (a refused sign-in or role, an unknown path) gets the JSON body
 * {@code {"error": "..."}}. A 401 or 403 is recorded as {@code request.refused} (DENIED), unless
 * the request's refused sign-in was recorded already.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Refusals refusals;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if ((status == 401 || status == 403) && request.getAttribute(Refusals.SIGN_IN_RECORDED) == null) {
            refusals.request(request.getMethod() + " " + Input.shown(uri), status, request.getHeader("X-Request-Id"));
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ErrorMappers.json(message(status)));
    }

    private static String message(int status) {
        return switch (status) {
            case 401 -> "not signed in or wrong user name or password (HTTP Basic)";
            case 403 -> "your roles do not allow this";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            default -> status >= 500 ? "internal error" : "HTTP " + status;
        };
    }
}
