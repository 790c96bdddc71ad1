package io.microshop.main.user;

import io.microshop.web.problem.FieldError;
import io.microshop.web.problem.Problem;
import io.microshop.web.problem.ProblemException;
import io.microshop.web.problem.ProblemType;
import java.util.List;
import java.util.Map;

/** Admin says there is no such user: the client sent a bad {@code userId}. */
public class UnknownUserException extends ProblemException {

    public UnknownUserException(long userId) {
        super(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                "There is no user with id " + userId + ".",
                null, List.of(new FieldError("userId", "no such user"))), Map.of());
    }
}
