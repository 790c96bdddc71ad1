package io.microshop.main.like;

import io.microshop.web.problem.ProblemException;
import io.microshop.web.problem.ProblemType;

public class AlreadyLikedException extends ProblemException {

    static final ProblemType ALREADY_LIKED = new ProblemType("already-liked", "Already liked", 409);

    public AlreadyLikedException(long productId, long userId) {
        super(ALREADY_LIKED, "User " + userId + " already likes product " + productId + ".");
    }
}
